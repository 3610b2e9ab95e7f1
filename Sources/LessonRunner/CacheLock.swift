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

    private let descriptor: Int32

    /// Takes the lock on `folder`, first calling `waiting` with a description of the holder
    /// when another process (or another run in this one) holds it.
    init(folder: URL, waiting: (String) -> Void) throws {
        // Made again if deleted while a stepper had the course open.
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent(Self.fileName).path
        descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw CocoaError(.fileWriteUnknown, userInfo: [
                NSFilePathErrorKey: path, NSLocalizedDescriptionKey: "cannot open \(path): \(String(cString: strerror(errno)))",
            ])
        }
        if flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            waiting(Self.holder(of: path))
            var result: Int32
            repeat { result = flock(descriptor, LOCK_EX) } while result != 0 && errno == EINTR
        }
        let description = "process \(getpid()) (\(CommandLine.arguments.map { URL(fileURLWithPath: $0).lastPathComponent }.prefix(2).joined(separator: " ")))\n"
        _ = ftruncate(descriptor, 0)
        _ = description.withCString { pwrite(descriptor, $0, strlen($0), 0) }
    }

    deinit {
        close(descriptor)
    }

    /// What the lock file says about its holder, or a general description when it says nothing.
    private static func holder(of path: String) -> String {
        let text = (try? String(contentsOfFile: path, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        return text.isEmpty ? "another process" : text
    }
}
