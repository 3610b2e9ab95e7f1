import Foundation
import Outputs
import Synchronization
import TerminalStepper

/// A one-line progress bar redrawn in place while a cell trains, for output to a terminal.
///
/// Lines printed through the console stay as they are; the bar lives on the line below them
/// and is cleared before each of them, so a log scrolls normally above it.
final class LiveProgressBar: Sendable {
    private let lastDraw = Mutex<ContinuousClock.Instant?>(nil)

    /// Whether standard output is a terminal that understands the escape codes.
    static var isAvailable: Bool {
        TerminalCapabilities.ofStandardOutput().usesEscapes
    }

    /// Redraws the bar for `progress`, at most ten times a second.
    func draw(_ cellID: String, _ progress: TrainingProgress) {
        let now = ContinuousClock.now
        let due = lastDraw.withLock { last in
            guard last.map({ now - $0 > .milliseconds(100) }) ?? true else { return false }
            last = now
            return true
        }
        guard due else { return }
        write("\r\u{1B}[2K" + ProgressText.liveLine(cellID: cellID, progress))
    }

    /// Removes the bar so that a normal line can be printed.
    func clear() {
        write("\r\u{1B}[2K")
        lastDraw.withLock { $0 = nil }
    }

    private func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}
