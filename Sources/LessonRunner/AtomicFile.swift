import Foundation

/// Writes that a crash cannot leave half done: the bytes go to a temporary file in the same
/// folder, are flushed to disk, and the file is renamed over the target, which readers then see
/// whole or not at all.
enum AtomicFile {
    /// The prefix of temporary names; a name is `.tmp-<pid>-<random>`, so a later run can tell
    /// which leftovers belong to a process that died.
    static let temporaryPrefix = ".tmp-"

    /// A fresh temporary path in `folder`.
    static func temporaryURL(in folder: URL) -> URL {
        folder.appendingPathComponent("\(temporaryPrefix)\(getpid())-\(UUID().uuidString)")
    }

    /// Writes `data` to `url` atomically, creating its folder if needed.
    static func write(_ data: Data, to url: URL) throws {
        let folder = url.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let temporary = temporaryURL(in: folder)
        do {
            try writeDurably(data, to: temporary)
            try rename(temporary, to: url)
            syncFolder(folder)
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw error
        }
    }

    /// Writes `data` to a new file at `url` and flushes it to disk.
    static func writeDurably(_ data: Data, to url: URL) throws {
        guard FileManager.default.createFile(atPath: url.path, contents: nil) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path])
        }
        let handle = try FileHandle(forWritingTo: url)
        defer { try? handle.close() }
        try handle.write(contentsOf: data)
        try handle.synchronize()
    }

    /// Renames `source` to `target`, replacing a file at `target` atomically (POSIX rename).
    static func rename(_ source: URL, to target: URL) throws {
        guard Foundation.rename(source.path, target.path) == 0 else {
            throw CocoaError(.fileWriteUnknown, userInfo: [
                NSFilePathErrorKey: target.path,
                NSLocalizedDescriptionKey: "cannot rename \(source.lastPathComponent) to \(target.path): \(String(cString: strerror(errno)))",
            ])
        }
    }

    /// Flushes a folder's entries, so a rename survives a power cut.
    static func syncFolder(_ folder: URL) {
        let descriptor = open(folder.path, O_RDONLY)
        guard descriptor >= 0 else { return }
        fsync(descriptor)
        close(descriptor)
    }

    /// Removes temporary files and folders left in `folder` by processes that no longer run.
    static func removeLeftovers(in folder: URL) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return }
        for name in names where name.hasPrefix(temporaryPrefix) {
            let pid = name.dropFirst(temporaryPrefix.count).split(separator: "-").first.flatMap { Int32($0) }
            if let pid, pid == getpid() || isRunning(pid) { continue }
            try? FileManager.default.removeItem(at: folder.appendingPathComponent(name))
        }
    }

    /// Whether a process with id `pid` exists (signal 0 checks without sending anything).
    private static func isRunning(_ pid: Int32) -> Bool {
        kill(pid, 0) == 0 || errno == EPERM
    }
}
