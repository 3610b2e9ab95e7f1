#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What the terminal reports: a key, or a change of window size.
public enum TerminalInput: Equatable, Sendable {
    case key(Key)
    /// The window was resized (after ``RawTerminal/watchResize()``); measure it again.
    case resize
}

/// Reads keys from a terminal in raw mode, one at a time, and resizes when watched.
public final class KeyReader {
    private let descriptor: Int32
    private let escapeTimeout: Int32
    private var buffer: [UInt8] = []

    /// - Parameter escapeTimeoutMilliseconds: how long to wait after `ESC` for the rest of
    ///   an arrow-key sequence before deciding it was the Escape key itself.
    public init(descriptor: Int32 = STDIN_FILENO, escapeTimeoutMilliseconds: Int32 = 50) {
        self.descriptor = descriptor
        self.escapeTimeout = escapeTimeoutMilliseconds
    }

    /// The next key or resize; waits at most `timeoutMilliseconds` when given (then returns
    /// `nil`, so a caller can also update progress), forever otherwise. Throws at end of
    /// input or on a read error.
    public func next(timeoutMilliseconds: Int32? = nil) throws(TerminalError) -> TerminalInput? {
        while true {
            if let (key, length) = KeyDecoder.decode(buffer[...], isComplete: false) {
                buffer.removeFirst(length)
                return .key(key)
            }
            let waiting = buffer.isEmpty ? (timeoutMilliseconds ?? -1) : escapeTimeout
            switch try waitForInput(milliseconds: waiting) {
            case .resize:
                return .resize
            case .bytes:
                try readAvailable()
            case .timeout:
                if buffer.isEmpty { return nil }
                // Nothing more came: decode the partial sequence as it stands.
                let (key, length) = KeyDecoder.decode(buffer[...], isComplete: true)!
                buffer.removeFirst(length)
                return .key(key)
            }
        }
    }

    private enum Readiness { case bytes, resize, timeout }

    private func waitForInput(milliseconds: Int32) throws(TerminalError) -> Readiness {
        var requests = [
            pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0),
            pollfd(fd: ResizeSignal.descriptor, events: Int16(POLLIN), revents: 0),
        ]
        while true {
            let ready = poll(&requests, ResizeSignal.descriptor >= 0 ? 2 : 1, milliseconds)
            if ready == 0 { return .timeout }
            if ready > 0 {
                if requests[1].revents != 0, ResizeSignal.drain() { return .resize }
                if requests[0].revents != 0 { return .bytes }
                continue
            }
            if errno != EINTR { throw TerminalError(call: "poll", code: errno) }
        }
    }

    private func readAvailable() throws(TerminalError) {
        var chunk = [UInt8](repeating: 0, count: 64)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count > 0 {
                buffer.append(contentsOf: chunk[0..<count])
                return
            }
            if count == 0 { throw TerminalError.endOfInput }
            if errno != EINTR { throw TerminalError(call: "read", code: errno) }
        }
    }
}
