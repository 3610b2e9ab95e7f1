import Figures
import Foundation
import LessonModel

/// Lays out a slide: its prose, the cell's highlighted code, and the cell's result.
struct SlideLayout {
    let prose: ProseLayout
    let outputs: OutputLayout
    /// Lines of prose are kept to a readable length on wide terminals.
    static let maxProseWidth = 96

    static let statusColors: (done: TerminalColor, failed: TerminalColor, other: TerminalColor) = (.green, .red, .yellow)

    /// What the slide's cell is doing while the stepper waits for it.
    enum Activity: Equatable {
        /// Running: its progress shows in the footer.
        case running
        /// Waiting for another process to release the course's cache before it can run.
        case waiting
    }

    /// The slide's lines, and the line where the cell's result starts (to scroll to it).
    func lines(slide: LessonSlide, lesson: Lesson, result: ExecutedCell?, activity: Activity?, width: Int) -> (lines: [ScreenLine], resultStart: Int?) {
        var lines = prose.lines(for: slide.prose, width: min(width, Self.maxProseWidth)).map(ScreenLine.text)
        guard let index = slide.cellIndex else {
            if !lines.isEmpty { lines.append(.blank) }
            lines.append(.text(StyledText("■ end of lesson", style: TextStyle(bold: true, foreground: ProseLayout.headingColor))))
            return (lines, nil)
        }
        let cells = lesson.cells
        let cell = cells[index]
        if !lines.isEmpty { lines.append(.blank) }
        lines += cellLines(cell, position: index + 1, of: cells.count, width: width).map(ScreenLine.text)
        lines.append(.blank)
        let resultStart = lines.count
        switch (activity, result) {
        case (.running, _):
            lines.append(.text(StyledText("▶ running…", style: TextStyle(bold: true, foreground: ProgressDisplay.barColor))))
        case (.waiting, _):
            // The footer names the process; the body only says the cell has not started.
            lines.append(.text(StyledText("◌ waiting to run: another course process is using the cache", style: TextStyle(bold: true, foreground: Self.statusColors.other))))
        case (nil, let result?):
            lines += resultLines(result, of: cell, lessonSlug: lesson.slug, width: width)
        case (nil, nil):
            lines.append(.text(StyledText("⏎ run this cell", style: TextStyle(dim: true))))
        }
        return (lines, resultStart)
    }

    /// The cell's title bar and code. The cell's caption is not in the title: it goes in full
    /// under the figure it describes (see ``resultLines(_:of:lessonSlug:width:)``).
    func cellLines(_ cell: Cell, position: Int, of count: Int, width: Int) -> [StyledText] {
        let barStyle = TextStyle(bold: true, foreground: ProseLayout.headingColor)
        var title = StyledText("┌─ cell \(position) of \(count) · \(cell.id)", style: barStyle)
        if cell.isHidden {
            title.append(" (hidden: runs without its code shown)", style: TextStyle(dim: true))
            return [title.truncated(toWidth: width)]
        }
        return [title.truncated(toWidth: width)] + prose.codeBlock(cell.source, language: "swift", label: nil, width: width)
    }

    /// How the cell went, then what it showed, outputs separated by blank lines; the cell's
    /// caption and alternative text are those of its first figure.
    func resultLines(_ result: ExecutedCell, of cell: Cell, lessonSlug: String, width: Int) -> [ScreenLine] {
        Self.status(result).flatMap { TextWrapper.wrap($0, width: width) }.map(ScreenLine.text)
            + outputLines(result, of: cell, lessonSlug: lessonSlug, width: width)
    }

    /// What the cell showed, each output after a blank line, captioned as ``resultLines(_:of:lessonSlug:width:)`` says.
    func outputLines(_ result: ExecutedCell, of cell: Cell, lessonSlug: String, width: Int) -> [ScreenLine] {
        var lines: [ScreenLine] = []
        for (number, item) in result.outputs(captionedBy: cell, values: prose.values).enumerated() {
            lines.append(.blank)
            lines += outputs.lines(for: item, fileName: item.figureFileName(lesson: lessonSlug, cellID: result.cellID, position: number + 1),
                                   width: width)
        }
        return lines
    }

    /// One line for the result's status; a failure adds its diagnostic's lines.
    static func status(_ result: ExecutedCell) -> [StyledText] {
        let time = seconds(result.seconds)
        switch result.status {
        case .ran:
            return [StyledText("✓ ran in \(time)", style: TextStyle(bold: true, foreground: statusColors.done))]
        case .cached:
            return [StyledText("✓ from the cache", style: TextStyle(bold: true, foreground: statusColors.done))
                + StyledText(" (the run took \(time))", style: TextStyle(dim: true))]
        case .failed(let diagnostic):
            return [StyledText("✗ failed after \(time)", style: TextStyle(bold: true, foreground: statusColors.failed))]
                + diagnostic.description.split(separator: "\n", omittingEmptySubsequences: false).map { StyledText(String($0)) }
        case .skipped(let dependency):
            return [StyledText("⊘ not run: it needs cell \(dependency), which failed", style: TextStyle(bold: true, foreground: statusColors.other))]
        case .interrupted:
            return [StyledText("■ interrupted after \(time): nothing of it was cached", style: TextStyle(bold: true, foreground: statusColors.other))]
        }
    }

    /// `2.4 s`, or minutes and seconds from a minute on.
    static func seconds(_ value: Double) -> String {
        value < 60 ? String(format: "%.1f s", value) : ProgressText.clock(value)
    }
}
