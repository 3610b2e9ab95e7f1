import Outputs

/// The one way training progress is written: its numbers, clock, bar and lines, for the
/// stepper's live rows, its plain output, and `course run`'s bar and per-epoch lines.
public enum ProgressText {
    /// The running metrics: `reconstruction 243.9  KL 0.1235`.
    public static func metrics(_ progress: TrainingProgress) -> String {
        progress.metrics.map { "\($0.name) \(number($0.value))" }.joined(separator: "  ")
    }

    /// One line for a finished epoch: `  epoch 2/5: loss 0.1234  kl 0.0456`.
    public static func epochLine(_ progress: TrainingProgress) -> String {
        let metrics = metrics(progress)
        return "  epoch \(progress.epoch)/\(progress.epochs)" + (metrics.isEmpty ? "" : ": " + metrics)
    }

    /// One line for a bar redrawn in place while `cellID` trains:
    /// `  train ██████░░░░ 42%  epoch 2/5  step 3/10  loss 0.1234  ·  1,234 samples/s  ·  ETA 0:12`.
    public static func liveLine(cellID: String, _ progress: TrainingProgress, barWidth: Int = 24) -> String {
        var line = "  \(cellID) \(bar(fraction: progress.fractionDone, width: barWidth)) \(percent(progress))"
        line += "  epoch \(progress.epoch)/\(progress.epochs)  step \(progress.step)/\(progress.stepsPerEpoch)"
        let metrics = metrics(progress)
        if !metrics.isEmpty { line += "  " + metrics }
        if progress.samplesPerSecond > 0 { line += "  ·  \(grouped(Int(progress.samplesPerSecond.rounded()))) samples/s" }
        if let left = progress.estimatedSecondsRemaining { line += "  ·  ETA \(clock(left))" }
        return line
    }

    /// What a run waits for before it can start: `waiting for process 4242 (course build),
    /// which is running cells of this course…`.
    public static func waiting(for holder: String) -> String {
        "waiting for \(holder), which is running cells of this course…"
    }

    /// The whole percent done, rounded down: `42%`.
    static func percent(_ progress: TrainingProgress) -> String {
        "\(Int((progress.fractionDone * 100).rounded(.down)))%"
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

    /// A running value with four significant-ish decimals: `243.9`, `1.235`, `0.1235`.
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
}
