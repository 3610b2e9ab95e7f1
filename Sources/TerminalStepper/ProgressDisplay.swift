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
            let percent = " \(Int((progress.fractionDone * 100).rounded(.down)))%"
            let barWidth = max(10, min(40, width - first.width - percent.count - 2))
            first.append(Self.bar(fraction: progress.fractionDone, width: barWidth), style: TextStyle(foreground: Self.barColor))
            first.append(percent)
            second.append(progress.metrics.map { "\($0.name) \(Self.number($0.value))" }.joined(separator: "  "))
            if progress.samplesPerSecond > 0 {
                second.append("  ·  \(Self.grouped(Int(progress.samplesPerSecond.rounded()))) samples/s", style: TextStyle(dim: true))
            }
        } else {
            first.append("  " + Self.spinner(elapsedSeconds))
        }
        var timing = "  ·  \(Self.clock(elapsedSeconds)) elapsed"
        if let left = secondsRemaining { timing += ", ETA \(Self.clock(left))" }
        second.append(timing, style: TextStyle(dim: true))
        second.append(stopping ? "" : "  ·  Ctrl-C stops the cell", style: TextStyle(dim: true))
        return [first.truncated(toWidth: width), second.truncated(toWidth: width)]
    }

    /// What the run waits for and that Ctrl-C cancels the wait, on one line that is cut in the
    /// description rather than lose the key; then what happens next, and for how long it waited.
    private func waitingLines(holder: String, width: Int) -> [StyledText] {
        let what = stopping ? "■ no longer waiting for \(holder)" : "\(Self.spinner(elapsedSeconds)) waiting for \(holder), which is running cells of this course…"
        let cancel = StyledText(stopping ? "" : "  ·  Ctrl-C cancels", style: TextStyle(dim: true))
        let first = StyledText(what, style: TextStyle(bold: true, foreground: .yellow)).truncated(toWidth: max(0, width - cancel.width)) + cancel
        let second = StyledText("\(cellID) runs when it is done  ·  \(Self.clock(elapsedSeconds)) waited", style: TextStyle(dim: true))
        return [first, second.truncated(toWidth: width)]
    }

    /// A bar of `width` cells, filled in eighths of a cell.
    static func bar(fraction: Double, width: Int) -> String {
        let eighths = Int((min(max(fraction, 0), 1) * Double(width * 8)).rounded(.down))
        let partial: [Character] = ["▏", "▎", "▍", "▌", "▋", "▊", "▉"]
        var bar = String(repeating: "█", count: eighths / 8)
        if eighths % 8 > 0 { bar.append(partial[eighths % 8 - 1]) }
        return bar + String(repeating: "░", count: width - bar.count)
    }

    /// Minutes and seconds, `1:05`, or hours too for long runs.
    static func clock(_ seconds: Double) -> String {
        let total = Int(seconds.rounded(.up))
        let (hours, minutes, rest) = (total / 3600, total / 60 % 60, total % 60)
        let twoDigits = rest < 10 ? "0\(rest)" : "\(rest)"
        if hours > 0 { return "\(hours):\(minutes < 10 ? "0" : "")\(minutes):\(twoDigits)" }
        return "\(minutes):\(twoDigits)"
    }

    static func number(_ value: Double) -> String {
        guard value.isFinite else { return value.isNaN ? "nan" : (value > 0 ? "inf" : "-inf") }
        let magnitude = abs(value)
        let decimals = magnitude >= 100 ? 1 : magnitude >= 1 ? 3 : 4
        var scaled = (value * pow10(decimals)).rounded() / pow10(decimals)
        if scaled == 0 { scaled = 0 }
        let text = String(scaled)
        guard let dot = text.firstIndex(of: "."), !text.contains("e") else { return text }
        let fraction = text[text.index(after: dot)...]
        return text + String(repeating: "0", count: max(0, decimals - fraction.count))
    }

    private static func pow10(_ exponent: Int) -> Double {
        (0..<exponent).reduce(1.0) { value, _ in value * 10 }
    }

    /// Thousands separated by commas: `12,345`.
    static func grouped(_ value: Int) -> String {
        let digits = Array(String(abs(value)))
        var text = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { text.append(",") }
            text.append(digit)
        }
        return (value < 0 ? "-" : "") + text
    }

    private static func spinner(_ seconds: Double) -> String {
        let frames = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"]
        return frames[Int(seconds * 10) % frames.count]
    }
}
