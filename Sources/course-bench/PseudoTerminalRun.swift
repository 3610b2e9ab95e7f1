import ChildProcesses
import Foundation
#if canImport(Glibc)
import Glibc
#endif

// The pseudo-terminal functions are not in the Glibc module map (they need _XOPEN_SOURCE).
@_silgen_name("posix_openpt") private func openPseudoTerminal(_ flags: Int32) -> Int32
@_silgen_name("grantpt") private func grantPseudoTerminal(_ descriptor: Int32) -> Int32
@_silgen_name("unlockpt") private func unlockPseudoTerminal(_ descriptor: Int32) -> Int32
@_silgen_name("ptsname") private func pseudoTerminalName(_ descriptor: Int32) -> UnsafeMutablePointer<CChar>?

/// Runs a program with a new pseudo-terminal as its standard input, output and error, as a
/// terminal emulator would, and times when a given text first appears in what it draws.
///
/// The clock starts just before the program is spawned, so loading it and its libraries counts.
struct PseudoTerminalRun {
    /// Milliseconds from the spawn until `marker` had been written, nil if it never was.
    let markerMilliseconds: Double?
    /// The exit status (128 plus the signal's number when killed).
    let status: Int32
    /// Everything the program wrote.
    let output: String

    /// Runs `path` with `arguments` in a `columns` x `rows` terminal with `environment`, reading
    /// until it exits or `timeoutSeconds` pass (then it is killed).
    static func run(_ path: String, _ arguments: [String], environment: [String: String], columns: Int, rows: Int,
                    marker: String, timeoutSeconds: Double = 60) throws -> PseudoTerminalRun {
        let controller = openPseudoTerminal(O_RDWR | O_NOCTTY | O_CLOEXEC)
        guard controller >= 0 else { throw BenchError("cannot open a pseudo-terminal: \(String(cString: strerror(errno)))", hint: nil) }
        defer { close(controller) }
        guard grantPseudoTerminal(controller) == 0, unlockPseudoTerminal(controller) == 0, let name = pseudoTerminalName(controller) else {
            throw BenchError("cannot set up the pseudo-terminal: \(String(cString: strerror(errno)))", hint: nil)
        }
        var size = winsize(ws_row: UInt16(rows), ws_col: UInt16(columns), ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(controller, UInt(TIOCSWINSZ), &size)

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, name, O_RDWR, 0)
        posix_spawn_file_actions_adddup2(&actions, 0, 1)
        posix_spawn_file_actions_adddup2(&actions, 0, 2)
        // The program handles these itself; give it the defaults whatever this process set.
        var attributes = ChildProcess.attributesWithDefaultSignals([SIGINT, SIGTERM, SIGHUP, SIGWINCH, SIGPIPE])
        defer { posix_spawnattr_destroy(&attributes) }

        let argv: [UnsafeMutablePointer<CChar>?] = ([path] + arguments).map { strdup($0) } + [nil]
        let envp: [UnsafeMutablePointer<CChar>?] = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }

        let start = now()
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, path, &actions, &attributes, argv, envp)
        guard spawned == 0 else { throw BenchError("cannot start \(path): \(String(cString: strerror(spawned)))", hint: nil) }

        let markerBytes = Array(marker.utf8)
        var received: [UInt8] = []
        var markerMilliseconds: Double?
        var buffer = [UInt8](repeating: 0, count: 65536)
        while now() - start < timeoutSeconds {
            var poller = pollfd(fd: controller, events: Int16(POLLIN), revents: 0)
            let ready = poll(&poller, 1, 100)
            if ready < 0, errno == EINTR { continue }
            if ready == 0 { continue }
            let count = buffer.withUnsafeMutableBytes { read(controller, $0.baseAddress, $0.count) }
            // The device side closed (EIO on Linux) or ended: the program has exited.
            if count <= 0 { break }
            let searchFrom = max(0, received.count - markerBytes.count + 1)
            received += buffer[0..<count]
            if markerMilliseconds == nil, Self.contains(received, markerBytes, from: searchFrom) {
                markerMilliseconds = (now() - start) * 1000
            }
        }
        var status: Int32 = 0
        if waitpid(pid, &status, WNOHANG) == 0 {
            kill(pid, SIGKILL)
            waitpid(pid, &status, 0)
        }
        return PseudoTerminalRun(markerMilliseconds: markerMilliseconds, status: ChildProcess.exitStatus(fromWaitStatus: status), output: String(decoding: received, as: UTF8.self))
    }

    /// Whether `needle` occurs in `haystack` at or after `from`.
    private static func contains(_ haystack: [UInt8], _ needle: [UInt8], from: Int) -> Bool {
        guard !needle.isEmpty, haystack.count >= needle.count else { return needle.isEmpty }
        return (from...(haystack.count - needle.count)).contains { start in
            haystack[start..<start + needle.count].elementsEqual(needle)
        }
    }
}
