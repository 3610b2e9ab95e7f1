import Foundation
import Testing

/// A detached tmux server and session of a fixed size running one command, driven like a
/// person at a terminal: keys in with `send-keys`, the screen out with `capture-pane`.
///
/// Each session has its own server socket, so tests never see each other or the user's tmux.
final class TmuxSession {
    static let executable: String? = ["/usr/bin/tmux", "/usr/local/bin/tmux", "/bin/tmux"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    static var isAvailable: Bool {
        if executable == nil { print("note: tmux is not installed, so the terminal tests are skipped (apt install tmux)") }
        return executable != nil
    }

    private let socket = "stepper-test-\(UUID().uuidString.prefix(8))"

    /// Starts `command` (run by the shell) in a `columns` x `rows` window.
    init(command: String, columns: Int = 100, rows: Int = 30) throws {
        try tmux(["new-session", "-d", "-s", "main", "-x", String(columns), "-y", String(rows), command])
    }

    deinit { _ = try? tmux(["kill-server"]) }

    /// Sends keys by tmux's names (`Enter`, `C-c`, `Up`) or as literal text.
    func send(_ keys: String...) throws {
        try tmux(["send-keys", "-t", "main"] + keys)
    }

    func resize(columns: Int, rows: Int) throws {
        try tmux(["resize-window", "-t", "main", "-x", String(columns), "-y", String(rows)])
    }

    /// The visible screen as text; with `escapes`, with the escape codes of its colors and styles.
    func screen(escapes: Bool = false) throws -> String {
        try tmux(["capture-pane", "-p", "-t", "main"] + (escapes ? ["-e"] : []))
    }

    /// Waits until the screen satisfies `condition`, checking every 50 ms; returns the screen
    /// that did, or records an issue with the last screen seen after `timeout` seconds.
    @discardableResult
    func waitFor(_ what: String, timeout: Double = 30, escapes: Bool = false, sourceLocation: SourceLocation = #_sourceLocation,
                 _ condition: (String) -> Bool) throws -> String? {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        while Date() < deadline {
            last = try screen(escapes: escapes)
            if condition(last) { return last }
            Thread.sleep(forTimeInterval: 0.05)
        }
        Issue.record("timed out waiting for \(what); the screen was:\n\(last)", sourceLocation: sourceLocation)
        return nil
    }

    /// Presses `q` and checks that the stepper exited with status 0 and left the terminal's
    /// line discipline as it found it (canonical input, echo, signals), as the fixtures'
    /// shell prints it after the stepper ends.
    func quitAndExpectTheTerminalRestored(sourceLocation: SourceLocation = #_sourceLocation) throws {
        try send("q")
        let after = try waitFor("the shell after quitting", sourceLocation: sourceLocation) { $0.contains("STEPPER-EXIT=") && $0.contains("icanon") }
        let text = after ?? ""
        #expect(text.contains("STEPPER-EXIT=0"), sourceLocation: sourceLocation)
        #expect(text.contains(" icanon") && !text.contains("-icanon"), sourceLocation: sourceLocation)
        #expect(text.contains(" echo ") && !text.contains("-echo "), sourceLocation: sourceLocation)
        #expect(text.contains(" isig") && !text.contains("-isig"), sourceLocation: sourceLocation)
    }

    @discardableResult
    private func tmux(_ arguments: [String]) throws -> String {
        let (status, output) = try Subprocess.run(Self.executable!, ["-L", socket, "-f", "/dev/null"] + arguments)
        guard status == 0 || arguments.first == "kill-server" else {
            throw TmuxError(message: "tmux \(arguments.joined(separator: " ")) failed: \(output)")
        }
        return output
    }
}

struct TmuxError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
