#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes whole frames to the terminal in one system call each, so they never tear.
struct TerminalOutput {
    let descriptor: Int32

    static let enterAlternateScreen = "\u{1B}[?1049h\u{1B}[?25l"
    static let leaveAlternateScreen = "\u{1B}[0m\u{1B}[?25h\u{1B}[?1049l"
    static let clearScreen = "\u{1B}[2J"
    /// Deletes every image the kitty graphics protocol placed.
    static let deleteKittyImages = "\u{1B}_Ga=d\u{1B}\\"

    /// Moves the cursor to a 1-based row, first column.
    static func moveTo(row: Int) -> String { "\u{1B}[\(row);1H" }
    static let clearToEndOfLine = "\u{1B}[K"

    /// Writes all of `text`, retrying after interruptions and partial writes.
    func write(_ text: String) {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
            if written > 0 {
                bytes = bytes.dropFirst(written)
            } else if written < 0, errno == EINTR || errno == EAGAIN {
                continue
            } else {
                return
            }
        }
    }
}
