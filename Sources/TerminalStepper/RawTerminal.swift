#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The size of a terminal window in character cells.
public struct TerminalSize: Equatable, Sendable {
    public var columns: Int
    public var rows: Int

    public init(columns: Int, rows: Int) {
        self.columns = columns
        self.rows = rows
    }
}

/// A failed terminal system call, with the call's name and `errno`.
public struct TerminalError: Error, Equatable, Sendable, CustomStringConvertible {
    public var call: String
    public var code: Int32

    public init(call: String, code: Int32) {
        self.call = call
        self.code = code
    }

    /// The input closed (end of file), so no more keys will come.
    public static let endOfInput = TerminalError(call: "read", code: 0)

    public var description: String {
        code == 0 ? "\(call): end of input" : "\(call) failed: \(String(cString: strerror(code)))"
    }
}

/// A terminal switched to raw mode (keys arrive one by one, unechoed) and back.
///
/// The original settings are restored by ``restore()``, when the value is released, and —
/// once ``restoreOnTermination()`` has been called — when the process gets SIGINT, SIGTERM or
/// SIGHUP, so no exit path leaves the user's shell in raw mode.
public final class RawTerminal: @unchecked Sendable {
    /// The file descriptor keys are read from and whose mode changes.
    public let input: Int32
    /// The file descriptor whose window size is measured.
    public let output: Int32
    private var original: termios?

    public init(input: Int32 = STDIN_FILENO, output: Int32 = STDOUT_FILENO) {
        self.input = input
        self.output = output
    }

    deinit { restore() }

    /// Whether input is a terminal at all; raw mode needs one.
    public var isTerminal: Bool { isatty(input) == 1 }

    public var isRaw: Bool { original != nil }

    /// Turns off line buffering, echo, and the keys that send signals, so Ctrl-C arrives as
    /// ``Key/interrupt``. With `keepSignals`, Ctrl-C still raises SIGINT (for a running cell).
    /// Output processing stays on, so `\n` still returns the carriage.
    public func enterRawMode(keepSignals: Bool = false) throws(TerminalError) {
        var settings = termios()
        guard tcgetattr(input, &settings) == 0 else { throw TerminalError(call: "tcgetattr", code: errno) }
        if original == nil { original = settings }
        TerminationRestore.remember(settings: original!, descriptor: input)
        settings.c_iflag &= ~tcflag_t(BRKINT | ICRNL | INPCK | ISTRIP | IXON)
        settings.c_cflag |= tcflag_t(CS8)
        settings.c_lflag &= ~tcflag_t(ECHO | ICANON | IEXTEN | (keepSignals ? 0 : ISIG))
        withUnsafeMutableBytes(of: &settings.c_cc) { controls in
            controls[Int(VMIN)] = 1
            controls[Int(VTIME)] = 0
        }
        guard tcsetattr(input, TCSAFLUSH, &settings) == 0 else { throw TerminalError(call: "tcsetattr", code: errno) }
    }

    /// Puts back the settings from before ``enterRawMode(keepSignals:)``; safe to call twice.
    public func restore() {
        guard var settings = original else { return }
        tcsetattr(input, TCSAFLUSH, &settings)
        original = nil
        TerminationRestore.forget(descriptor: input)
    }

    /// The window size, or `nil` when output is not a terminal.
    public var size: TerminalSize? {
        var window = winsize()
        guard ioctl(output, UInt(TIOCGWINSZ), &window) == 0, window.ws_col > 0 else { return nil }
        return TerminalSize(columns: Int(window.ws_col), rows: Int(window.ws_row))
    }

    /// Makes SIGINT, SIGTERM and SIGHUP restore the terminal (settings, cursor, main screen)
    /// before the process ends with that signal as it would have otherwise.
    /// The signals are also unblocked on the calling thread, since a parent may have started
    /// this process with them blocked (test runners do), and a blocked SIGTERM never arrives.
    public static func restoreOnTermination() {
        signal(SIGINT, TerminationRestore.handler)
        signal(SIGTERM, TerminationRestore.handler)
        signal(SIGHUP, TerminationRestore.handler)
        unblock([SIGINT, SIGTERM, SIGHUP])
    }

    /// Lets `signals` be delivered to the calling thread (and threads it starts later).
    static func unblock(_ signals: [Int32]) {
        var set = sigset_t()
        sigemptyset(&set)
        for signal in signals { sigaddset(&set, signal) }
        pthread_sigmask(SIG_UNBLOCK, &set, nil)
    }

    /// Makes window resizes (SIGWINCH) arrive through ``KeyReader/next(timeoutMilliseconds:)``
    /// as ``TerminalInput/resize``, so one loop handles keys and re-layout. Safe to call twice.
    public static func watchResize() {
        ResizeSignal.install()
    }
}

/// The state a signal handler needs to restore the terminal. Only plain values live here,
/// and the handler only calls async-signal-safe functions (`tcsetattr`, `write`, `signal`,
/// `raise`).
enum TerminationRestore {
    nonisolated(unsafe) private static var settings = termios()
    nonisolated(unsafe) private static var descriptor: Int32 = -1

    /// Shows the cursor, leaves the alternate screen and resets styles.
    private static let resetSequence: StaticString = "\u{1B}[0m\u{1B}[?25h\u{1B}[?1049l"

    static func remember(settings: termios, descriptor: Int32) {
        self.settings = settings
        self.descriptor = descriptor
    }

    static func forget(descriptor: Int32) {
        if self.descriptor == descriptor { self.descriptor = -1 }
    }

    /// Restores what ``remember(settings:descriptor:)`` saved; what the signal handler runs.
    static func restoreNow() {
        guard descriptor >= 0 else { return }
        tcsetattr(descriptor, TCSAFLUSH, &settings)
        _ = write(descriptor, resetSequence.utf8Start, resetSequence.utf8CodeUnitCount)
        descriptor = -1
    }

    static let handler: @convention(c) (Int32) -> Void = { signalNumber in
        TerminationRestore.restoreNow()
        signal(signalNumber, SIG_DFL)
        raise(signalNumber)
    }
}
