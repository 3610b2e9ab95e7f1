import LessonModel
import NeuralNetworks

/// Prints a lesson for pipes, logs and CI: everything in order, no escape codes, no prompts.
///
/// Prose is wrapped to ``width``; figures that are images become a note naming the file they
/// were saved to; charts are drawn in braille, which is plain text.
public struct PlainPrinter: Sendable {
    /// The line width prose and figures are laid out for.
    public var width: Int
    /// Where image figures are saved so the output can name their files; nil saves none.
    public var figureFolder: String?

    public init(width: Int = 80, figureFolder: String? = nil) {
        self.width = width
        self.figureFolder = figureFolder
    }

    /// The whole executed lesson as text.
    public func render(_ executed: ExecutedLesson, courseTitle: String = "") -> String {
        let lesson = executed.lesson
        var text = header(lesson: lesson, courseTitle: courseTitle)
        for slide in LessonSlide.slides(of: lesson) {
            text += prose(slide.prose)
            guard let index = slide.cellIndex else { continue }
            let cell = lesson.cells[index]
            text += cellCode(cell, position: index + 1, of: lesson.cells.count)
            if let result = executed.cell(id: cell.id) {
                text += self.result(result, lessonSlug: lesson.slug)
            }
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
        let lines = layout.prose.lines(for: blocks, width: width)
        return lines.isEmpty ? "" : text(lines.map(ScreenLine.text)) + "\n"
    }

    func cellCode(_ cell: Cell, position: Int, of count: Int) -> String {
        text(layout.cellLines(cell, position: position, of: count, width: width).map(ScreenLine.text)) + "\n"
    }

    /// The result's status and outputs, followed by a blank line.
    func result(_ result: ExecutedCell, lessonSlug: String) -> String {
        text(layout.resultLines(result, lessonSlug: lessonSlug, width: width)) + "\n"
    }

    /// One line for a finished epoch: `epoch 2/5: loss 0.1234  kl 0.0456`.
    static func epochLine(_ progress: TrainingProgress) -> String {
        let metrics = progress.metrics.map { "\($0.name) \(ProgressDisplay.number($0.value))" }.joined(separator: "  ")
        return "  epoch \(progress.epoch)/\(progress.epochs)" + (metrics.isEmpty ? "" : ": " + metrics) + "\n"
    }

    private var layout: SlideLayout {
        SlideLayout(
            prose: ProseLayout(capabilities: .plain),
            outputs: OutputLayout(capabilities: .plain, images: .none, cellPixels: .typical,
                                  figureFiles: figureFolder.map(FigureFiles.init), maxFigureRows: 16)
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
