import ChildProcesses
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs a program and waits for it with `posix_spawn` and `waitpid`.
///
/// Foundation's `Process` is not used for tmux: its wait never returned for the tmux client
/// whose forked server outlives it. Spawning directly also gives the child an empty signal
/// mask and default handlers, so the programs under test receive SIGWINCH, SIGHUP and SIGTERM
/// even though the test runner blocks them in its own threads.
enum Subprocess {
    /// Runs `path` with `arguments`, its output and errors collected in a temporary file.
    static func run(_ path: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let outputPath = (NSTemporaryDirectory() as NSString).appendingPathComponent("subprocess-\(UUID().uuidString).out")
        defer { unlink(outputPath) }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)

        var attributes = ChildProcess.attributesWithDefaultSignals([SIGINT, SIGTERM, SIGHUP, SIGWINCH, SIGCHLD, SIGPIPE])
        defer { posix_spawnattr_destroy(&attributes) }

        let argv: [UnsafeMutablePointer<CChar>?] = ([path] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, path, &actions, &attributes, argv, environ)
        guard spawned == 0 else { throw SubprocessError(message: "cannot start \(path): \(String(cString: strerror(spawned)))") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 {
            guard errno == EINTR else { throw SubprocessError(message: "waitpid failed: \(String(cString: strerror(errno)))") }
        }
        let output = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
        return (ChildProcess.exitStatus(fromWaitStatus: status), output)
    }
}

struct SubprocessError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
