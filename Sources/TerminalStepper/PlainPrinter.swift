import LessonModel
import Outputs

/// The plain-text renderer: a lesson, or a cell's outputs, for pipes, logs and CI, with no
/// escape codes and no prompts. `course step --plain` prints the whole lesson through it and
/// `course run` the outputs of the cells it ran.
///
/// Exercises' answers are printed in full, under "▾ Answer" and marked by a bar, since no key
/// can show them in a pipe or a log.
///
/// Prose is wrapped to ``width`` at spaces, code at spaces with its continuations marked;
/// figures are saved to files named as ``DisplayItem/figureFileName(lesson:cellID:position:)``
/// says; images become a note naming their file, charts are drawn in braille (plain text) with
/// that note under them.
public struct PlainPrinter: LessonRenderer, Sendable {
    /// The line width code and figures are laid out for; prose is kept to at most
    /// ``SlideLayout/maxProseWidth`` of it, as on the stepper's screen.
    var width: Int
    /// Where figures are saved so the output can name their files; nil saves none.
    var figureFolder: String?
    /// The course's title, printed above the lesson's by ``render(_:)``; may be empty.
    var courseTitle: String
    /// The inline values' texts as far as the cells run so far computed them, by expression.
    public var values: [String: String] = [:]

    public init(width: Int = 80, figureFolder: String? = nil, courseTitle: String = "") {
        self.width = width
        self.figureFolder = figureFolder
        self.courseTitle = courseTitle
    }

    /// The whole lesson, as `course step --plain` prints it once every cell has run (the
    /// stepper prints the same pieces as it goes, with training progress between them).
    public func render(_ executed: ExecutedLesson) -> String {
        var printer = self
        printer.values = executed.valueTexts
        return printer.renderWithValues(executed)
    }

    private func renderWithValues(_ executed: ExecutedLesson) -> String {
        let lesson = executed.lesson
        var text = header(lesson: lesson, courseTitle: courseTitle)
        for slide in LessonSlide.slides(of: lesson) {
            text += prose(slide.prose)
            guard let index = slide.cellIndex else { continue }
            let cell = lesson.cells[index]
            text += cellCode(cell, position: index + 1, of: lesson.cells.count)
            if let result = executed.cell(id: cell.id) { text += self.result(result, of: cell, lessonSlug: lesson.slug) }
        }
        return text
    }

    /// The course and lesson titles, underlined.
    func header(lesson: Lesson, courseTitle: String) -> String {
        let title = "\(lesson.number). \(lesson.frontMatter.title)"
        let course = courseTitle.isEmpty ? "" : courseTitle + "\n"
        return course + title + "\n" + String(repeating: "=", count: min(width, TextWidth.of(title))) + "\n\n"
    }

    /// Prose blocks followed by a blank line, or nothing.
    func prose(_ blocks: [Block]) -> String {
        let lines = layout.prose.lines(for: blocks, width: min(width, SlideLayout.maxProseWidth))
        return lines.isEmpty ? "" : text(lines.map(ScreenLine.text)) + "\n"
    }

    func cellCode(_ cell: Cell, position: Int, of count: Int) -> String {
        text(layout.cellLines(cell, position: position, of: count, width: width).map(ScreenLine.text)) + "\n"
    }

    /// The result's status and outputs under `cell`, followed by a blank line.
    func result(_ result: ExecutedCell, of cell: Cell, lessonSlug: String) -> String {
        text(layout.resultLines(result, of: cell, lessonSlug: lessonSlug, width: width)) + "\n"
    }

    /// What the result showed, each output after a blank line, with its figures saved; empty
    /// when it showed nothing.
    public func outputs(_ result: ExecutedCell, of cell: Cell, lessonSlug: String) -> String {
        let lines = layout.outputLines(result, of: cell, lessonSlug: lessonSlug, width: width)
        return lines.isEmpty ? "" : text(lines)
    }

    /// One line for a finished epoch: `epoch 2/5: loss 0.1234  kl 0.0456`.
    static func epochLine(_ progress: TrainingProgress) -> String {
        ProgressText.epochLine(progress) + "\n"
    }

    /// The line for standard error while a cell waits for another process to finish with the
    /// course's cache: `waiting for process 4242 (course build), which is running cells of this course…`.
    static func waitingLine(holder: String) -> String {
        ProgressText.waiting(for: holder) + "\n"
    }

    private var layout: SlideLayout {
        SlideLayout(
            prose: ProseLayout(capabilities: .plain, values: values, answers: .printed),
            outputs: OutputLayout(capabilities: .plain, images: .none, cellPixels: .typical,
                                  figureFiles: figureFolder.map(FigureFiles.init), maxFigureRows: 16, isPlainText: true)
        )
    }

    private func text(_ lines: [ScreenLine]) -> String {
        lines.map { line in
            switch line {
            case .text(let text): Self.trailingSpacesRemoved(text.plainText)
            case .raw(let text): Self.trailingSpacesRemoved(text)
            case .image(let placement): placement.placeholder.plainText
            case .imageRow: ""
            }
        }.joined(separator: "\n") + "\n"
    }

    private static func trailingSpacesRemoved(_ line: String) -> String {
        String(line.reversed().drop { $0 == " " }.reversed())
    }
}
