import Foundation

/// Writes that a crash cannot leave half done: the bytes go to a temporary file in the same
/// folder, are flushed to disk, and the file is renamed over the target, which readers then see
/// whole or not at all. Whole folders are swapped in the same way (``replaceFolder(at:with:)``).
///
/// Temporary names carry the writer's process id, so a later run can tell which leftovers
/// belong to a process that died (``removeLeftovers(in:prefix:)``) and which to a process that
/// is still writing.
public enum AtomicFile {
    /// The prefix of temporary names; a name is `.tmp-<pid>-<random>`.
    public static let temporaryPrefix = ".tmp-"

    /// A fresh temporary path in `folder`: `<prefix><pid>-<random>`.
    public static func temporaryURL(in folder: URL, prefix: String = temporaryPrefix) -> URL {
        folder.appendingPathComponent("\(prefix)\(getpid())-\(UUID().uuidString)")
    }

    /// Writes `data` to `url` atomically, creating its folder if needed.
    public static func write(_ data: Data, to url: URL) throws {
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
    ///
    /// The file is created with `open(O_CREAT | O_EXCL)`, not `FileManager.createFile`, which on
    /// Linux writes a temporary `.dat.nosync…` file of its own first: a process killed at that
    /// moment left it behind, under a name ``removeLeftovers(in:prefix:)`` does not know.
    public static func writeDurably(_ data: Data, to url: URL) throws {
        let descriptor = open(url.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw CocoaError(.fileWriteUnknown, userInfo: [
                NSFilePathErrorKey: url.path,
                NSLocalizedDescriptionKey: "cannot create \(url.path): \(String(cString: strerror(errno)))",
            ])
        }
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        defer { try? handle.close() }
        try handle.write(contentsOf: data)
        try handle.synchronize()
    }

    /// Renames `source` to `target`, replacing a file at `target` atomically (POSIX rename).
    public static func rename(_ source: URL, to target: URL) throws {
        guard Foundation.rename(source.path, target.path) == 0 else {
            throw renameError(source, target)
        }
    }

    /// Puts the finished folder `replacement` at `target`, replacing any folder there, so that
    /// readers of `target` see the old folder or the new one and never a gap or a mix.
    ///
    /// An existing folder is swapped with the replacement in one step (Linux's
    /// `renameat2(RENAME_EXCHANGE)`) and then deleted; a crash before the deletion leaves it
    /// under the replacement's temporary name, for ``removeLeftovers(in:prefix:)``. Where the
    /// file system cannot swap, the old folder is renamed aside first, leaving a moment without
    /// a folder at `target`.
    public static func replaceFolder(at target: URL, with replacement: URL) throws {
        let parent = target.deletingLastPathComponent()
        defer { syncFolder(parent) }
        if Foundation.rename(replacement.path, target.path) == 0 { return }
        // A folder cannot be renamed over a non-empty one; anything else is a real failure.
        guard errno == ENOTEMPTY || errno == EEXIST else { throw renameError(replacement, target) }
        if let exchange = renameat2, exchange(AT_FDCWD, replacement.path, AT_FDCWD, target.path, renameExchange) == 0 {
            try? FileManager.default.removeItem(at: replacement)
            return
        }
        let aside = temporaryURL(in: parent, prefix: replacement.lastPathComponent + "-old-")
        try rename(target, to: aside)
        do {
            try rename(replacement, to: target)
        } catch {
            try? rename(aside, to: target)
            throw error
        }
        try? FileManager.default.removeItem(at: aside)
    }

    /// Flushes a folder's entries, so a rename survives a power cut.
    public static func syncFolder(_ folder: URL) {
        let descriptor = open(folder.path, O_RDONLY)
        guard descriptor >= 0 else { return }
        fsync(descriptor)
        close(descriptor)
    }

    /// Removes the temporary files and folders named `<prefix><pid>-…` in `folder` whose
    /// process no longer runs.
    public static func removeLeftovers(in folder: URL, prefix: String = temporaryPrefix) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return }
        for name in names where name.hasPrefix(prefix) {
            let pid = name.dropFirst(prefix.count).split(separator: "-").first.flatMap { Int32($0) }
            guard let pid else { continue }
            if pid == getpid() || isRunning(pid) { continue }
            try? FileManager.default.removeItem(at: folder.appendingPathComponent(name))
        }
    }

    /// Whether a process with id `pid` exists (signal 0 checks without sending anything).
    private static func isRunning(_ pid: Int32) -> Bool {
        kill(pid, 0) == 0 || errno == EPERM
    }

    private static func renameError(_ source: URL, _ target: URL) -> CocoaError {
        CocoaError(.fileWriteUnknown, userInfo: [
            NSFilePathErrorKey: target.path,
            NSLocalizedDescriptionKey: "cannot rename \(source.lastPathComponent) to \(target.path): \(String(cString: strerror(errno)))",
        ])
    }

    /// `renameat2(2)`. Glibc declares it only for `_GNU_SOURCE`, which Swift's Glibc module
    /// does not define, so it is looked up when first needed; nil where the C library lacks it.
    private typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>?, Int32, UnsafePointer<CChar>?, UInt32) -> Int32
    private static let renameat2: RenameAt2? = dlsym(nil, "renameat2").map { unsafeBitCast($0, to: RenameAt2.self) }
    /// `RENAME_EXCHANGE` from `<linux/fs.h>`, hidden from Swift for the same reason.
    private static let renameExchange: UInt32 = 1 << 1
}
