import Outputs

/// The live lines under a running cell: a bar with epoch and step, then the running losses,
/// the speed and the time left.
struct ProgressDisplay {
    /// The cell's id, to say what is running.
    var cellID: String
    /// The id of the cell whose training ``progress`` reports: `cellID`, or a cell it needs
    /// that has to run first.
    var trainingCellID: String?
    /// The process the run waits for before it can start (it holds the course's cache), while
    /// it waits.
    var waitingFor: String?
    /// The latest report from training, if training has reported yet.
    var progress: TrainingProgress?
    /// Seconds since the cell started.
    var elapsedSeconds: Double
    /// How long the run should take, from the previous runs of the cells it executes, if known.
    var expectedSeconds: Double?
    /// Whether Ctrl-C was pressed and the cell is being stopped.
    var stopping: Bool

    static let barColor = TerminalColor.rgb(0x7F, 0xD1, 0xB9)

    /// Seconds left: from the previous runs' timing when known (it includes the work before
    /// and after training, and the cells needed first), otherwise from the training rate so far.
    var secondsRemaining: Double? {
        if let expectedSeconds { return max(0, expectedSeconds - elapsedSeconds) }
        return progress?.estimatedSecondsRemaining
    }

    func lines(width: Int) -> [StyledText] {
        if let waitingFor { return waitingLines(holder: waitingFor, width: width) }
        let accent = TextStyle(bold: true, foreground: Self.barColor)
        var first = StyledText(stopping ? "■ stopping " : "▶ running ", style: accent)
        first.append(cellID, style: TextStyle(bold: true))
        if let trainingCellID, trainingCellID != cellID {
            first.append(" · training \(trainingCellID) first")
        }
        var second = StyledText()
        if let progress {
            let counters = "  epoch \(progress.epoch)/\(progress.epochs)  step \(progress.step)/\(progress.stepsPerEpoch)  "
            first.append(counters)
            let percent = " " + ProgressText.percent(progress)
            let barWidth = max(10, min(40, width - first.width - percent.count - 2))
            first.append(ProgressText.bar(fraction: progress.fractionDone, width: barWidth), style: TextStyle(foreground: Self.barColor))
            first.append(percent)
            second.append(ProgressText.metrics(progress))
            if progress.samplesPerSecond > 0 {
                second.append("  ·  \(ProgressText.grouped(Int(progress.samplesPerSecond.rounded()))) samples/s", style: TextStyle(dim: true))
            }
        } else {
            first.append("  " + Self.spinner(elapsedSeconds))
        }
        var timing = "  ·  \(ProgressText.clock(elapsedSeconds)) elapsed"
        if let left = secondsRemaining { timing += ", ETA \(ProgressText.clock(left))" }
        second.append(timing, style: TextStyle(dim: true))
        second.append(stopping ? "" : "  ·  Ctrl-C stops the cell", style: TextStyle(dim: true))
        return [first.truncated(toWidth: width), second.truncated(toWidth: width)]
    }

    /// What the run waits for and that Ctrl-C cancels the wait, on one line that is cut in the
    /// description rather than lose the key; then what happens next, and for how long it waited.
    private func waitingLines(holder: String, width: Int) -> [StyledText] {
        let what = stopping ? "■ no longer waiting for \(holder)" : "\(Self.spinner(elapsedSeconds)) " + ProgressText.waiting(for: holder)
        let cancel = StyledText(stopping ? "" : "  ·  Ctrl-C cancels", style: TextStyle(dim: true))
        let first = StyledText(what, style: TextStyle(bold: true, foreground: .yellow)).truncated(toWidth: max(0, width - cancel.width)) + cancel
        let second = StyledText("\(cellID) runs when it is done  ·  \(ProgressText.clock(elapsedSeconds)) waited", style: TextStyle(dim: true))
        return [first, second.truncated(toWidth: width)]
    }

    private static func spinner(_ seconds: Double) -> String {
        let frames = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"]
        return frames[Int(seconds * 10) % frames.count]
    }
}
