import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Ctrl-C (SIGINT) and SIGTERM for a command that runs until stopped, `course preview`: the
/// first one calls `stop` on a thread of its own, so the command can stop its running cell and
/// end as it does; a second one ends the process at once, with 130, for a cell that does not stop.
///
/// The signal handler only writes a byte into a pipe (all that a handler may safely do); a
/// thread reading the pipe does the rest. The signals are unblocked first, since a parent (a
/// test runner) may have started this process with them blocked.
enum InterruptSignal {
    /// The pipe's write end, for the handler, which can capture nothing.
    nonisolated(unsafe) private static var writeEnd: Int32 = -1

    static func onFirst(_ stop: @escaping @Sendable () -> Void) {
        var ends: [Int32] = [0, 0]
        guard pipe(&ends) == 0 else { return }
        for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
        writeEnd = ends[1]
        for number in [SIGINT, SIGTERM] {
            signal(number) { _ in
                var byte: UInt8 = 1
                _ = write(InterruptSignal.writeEnd, &byte, 1)
            }
        }
        var signals = sigset_t()
        sigemptyset(&signals)
        sigaddset(&signals, SIGINT)
        sigaddset(&signals, SIGTERM)
        pthread_sigmask(SIG_UNBLOCK, &signals, nil)
        let readEnd = ends[0]
        Thread {
            var byte: UInt8 = 0
            while read(readEnd, &byte, 1) < 0 && errno == EINTR {}
            stop()
            while read(readEnd, &byte, 1) < 0 && errno == EINTR {}
            FileHandle.standardError.write(Data("\nstopped without waiting for the running cell\n".utf8))
            exit(130)
        }.start()
    }
}
