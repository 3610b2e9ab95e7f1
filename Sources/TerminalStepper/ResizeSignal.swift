#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Turns SIGWINCH into a readable byte on a pipe (the self-pipe trick), so the key reader
/// can wait for keys and resizes with one `poll`.
enum ResizeSignal {
    nonisolated(unsafe) private static var readEnd: Int32 = -1
    nonisolated(unsafe) private static var writeEnd: Int32 = -1

    /// The descriptor that becomes readable after a resize, or -1 before ``install()``.
    static var descriptor: Int32 { readEnd }

    static func install() {
        guard readEnd < 0 else { return }
        var ends: [Int32] = [-1, -1]
        guard pipe(&ends) == 0 else { return }
        for end in ends {
            _ = fcntl(end, F_SETFL, fcntl(end, F_GETFL) | O_NONBLOCK)
            _ = fcntl(end, F_SETFD, FD_CLOEXEC)
        }
        readEnd = ends[0]
        writeEnd = ends[1]
        var action = sigaction()
        action.__sigaction_handler.sa_handler = handler
        action.sa_flags = SA_RESTART
        sigemptyset(&action.sa_mask)
        sigaction(SIGWINCH, &action, nil)
        RawTerminal.unblock([SIGWINCH])
    }

    /// Empties the pipe, reporting whether any resize was pending.
    static func drain() -> Bool {
        var byte: UInt8 = 0
        var any = false
        while read(readEnd, &byte, 1) == 1 { any = true }
        return any
    }

    private static let handler: @convention(c) (Int32) -> Void = { _ in
        var byte: UInt8 = 1
        _ = write(ResizeSignal.writeEnd, &byte, 1)
    }
}
