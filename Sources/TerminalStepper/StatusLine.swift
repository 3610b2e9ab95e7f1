import LessonModel

/// The three rows under the lesson: two of status (a running cell's progress, or the last
/// message and how far the slide is scrolled) and the key legend.
enum StatusLine {
    /// The status rows while `run` runs.
    static func progress(of run: CellRun, in lesson: Lesson, width: Int) -> [StyledText] {
        let report = run.progress
        return ProgressDisplay(
            cellID: lesson.cells[run.index].id, trainingCellID: report?.cellID, waitingFor: run.waitingFor, progress: report?.progress,
            elapsedSeconds: run.elapsedSeconds, expectedSeconds: run.expectedSeconds, stopping: run.isStopping
        ).lines(width: width)
    }

    /// Which lines of the slide show, when they do not all fit.
    static func scrollPosition(scroll: Int, lineCount: Int, bodyRows: Int) -> StyledText {
        guard lineCount > bodyRows else { return StyledText() }
        let last = min(lineCount, scroll + bodyRows)
        let more = last < lineCount ? " · ↓ more below" : ""
        return StyledText("lines \(scroll + 1)–\(last) of \(lineCount)\(more)", style: TextStyle(dim: true))
    }

    /// The escape codes that draw the status rows and the legend at the bottom of the screen.
    static func rows(_ status: [StyledText], legend: StyledText, geometry: ScreenGeometry, capabilities: TerminalCapabilities) -> String {
        let width = geometry.size.columns - 1
        var text = ""
        for (offset, line) in (status.map { $0.truncated(toWidth: width) } + [legend]).enumerated() {
            text += TerminalOutput.moveTo(row: geometry.firstFooterRow + offset) + " " + line.rendered(for: capabilities) + TerminalOutput.clearToEndOfLine
        }
        return text
    }
}
