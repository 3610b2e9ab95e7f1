import Foundation

/// An exclusive lock on a cache folder, held while a lesson runs, so two processes working on
/// one course (two `course build`s, a build beside a stepper) never run the same cells at once:
/// the second waits, then finds the first one's results in the cache.
///
/// It is an `flock` on the file `lock` in the cache folder. The kernel releases it when the
/// holder closes the file or exits, however it exits, so a killed build never leaves the course
/// locked. The holder writes its process id and command line into the file, so whoever waits
/// can say what it is waiting for.
final class CacheLock {
    /// The lock file's name inside the cache folder.
    static let fileName = "lock"

    /// Thrown when `shouldStopWaiting` said to give up before the lock came free.
    struct WaitStopped: Error {}

    /// How often a waiting process tries the lock again and asks whether to give up.
    private static let retryMicroseconds: useconds_t = 50_000

    private let descriptor: Int32

    /// Takes the lock on `folder`, first calling `waiting` with a description of the holder
    /// when another process (or another run in this one) holds it; while it waits, it gives up
    /// with ``WaitStopped`` as soon as `shouldStopWaiting` returns true.
    init(folder: URL, waiting: (String) -> Void, shouldStopWaiting: () -> Bool) throws {
        // Made again if deleted while a stepper had the course open.
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent(Self.fileName).path
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw Self.systemCallError("cannot open \(path)", path: path) }
        do {
            try Self.lock(descriptor, path: path, waiting: waiting, shouldStopWaiting: shouldStopWaiting)
        } catch {
            close(descriptor)
            throw error
        }
        self.descriptor = descriptor
        let description = "process \(getpid()) (\(CommandLine.arguments.map { URL(fileURLWithPath: $0).lastPathComponent }.prefix(2).joined(separator: " ")))\n"
        _ = ftruncate(descriptor, 0)
        _ = description.withCString { pwrite(descriptor, $0, strlen($0), 0) }
    }

    deinit {
        close(descriptor)
    }

    /// Waits for the `flock` on `descriptor` by trying it again and again rather than blocking
    /// in `flock`: a blocked `flock` can only be cut short by a signal sent to its own thread,
    /// and the stepper's Ctrl-C is a key read on another thread, which calls `Runner.stop()`.
    private static func lock(_ descriptor: Int32, path: String, waiting: (String) -> Void, shouldStopWaiting: () -> Bool) throws {
        var toldWaiting = false
        while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK || errno == EINTR else { throw systemCallError("cannot lock \(path)", path: path) }
            if !toldWaiting {
                waiting(holder(of: path))
                toldWaiting = true
            }
            if shouldStopWaiting() { throw WaitStopped() }
            usleep(retryMicroseconds)
        }
    }

    /// An error for a failed system call on `path`, saying why with `errno`.
    private static func systemCallError(_ what: String, path: String) -> CocoaError {
        CocoaError(.fileWriteUnknown, userInfo: [
            NSFilePathErrorKey: path, NSLocalizedDescriptionKey: "\(what): \(String(cString: strerror(errno)))",
        ])
    }

    /// What the lock file says about its holder, or a general description when it says nothing.
    private static func holder(of path: String) -> String {
        let text = (try? String(contentsOfFile: path, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        return text.isEmpty ? "another process" : text
    }
}
