import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Watches folders (and every folder below them, made later too) and single files through
/// inotify, and reports the paths written, moved in or out, or removed.
///
/// An editor saves in place (a write closed) or by writing a new file and renaming it over the
/// old one (a move in); both are reported, a file's path once per batch, and its scratch files
/// (hidden, `~` or `.swp`) are not. Events that arrive
/// within ``settleTime`` of each other are reported together, so one save is one batch.
public final class FileWatcher: Sendable {
    /// Why watching could not start.
    public struct WatchError: Error, CustomStringConvertible {
        public let description: String
    }

    /// How long events must stop before a batch is reported: an editor's save is several events.
    public static let settleTime: Duration = .milliseconds(60)

    private let descriptor: Int32
    /// The watched folders by watch descriptor; a file watch keeps the file's folder and name.
    private let watched = Mutex<[Int32: (folder: String, onlyFile: String?)]>([:])
    private let stopping = Atomic<Bool>(false)

    private static let mask = UInt32(IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_DELETE)

    /// Watches every folder in `folders` recursively (those that exist) and the files in `files`.
    public init(folders: [URL], files: [URL]) throws(WatchError) {
        descriptor = inotify_init1(Int32(IN_CLOEXEC))
        guard descriptor >= 0 else { throw WatchError(description: "inotify_init1 failed: \(String(cString: strerror(errno)))") }
        for folder in folders { try watchTree(folder.standardizedFileURL.path) }
        for file in files {
            // The folder is watched, not the file: an editor that saves by renaming replaces the file.
            let url = file.standardizedFileURL
            try watch(url.deletingLastPathComponent().path, onlyFile: url.lastPathComponent)
        }
    }

    /// Reports each batch of changed paths to `changed`, on a thread of its own, until ``stop()``.
    public func start(_ changed: @escaping @Sendable (Set<String>) -> Void) {
        Thread { [self] in
            var pending: Set<String> = []
            while !stopping.load(ordering: .acquiring) {
                // Wait long when nothing is pending; once something is, only until events settle.
                let wait = pending.isEmpty ? 200 : Int32(Self.settleTime.components.attoseconds / 1_000_000_000_000_000)
                var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
                let ready = poll(&poller, 1, wait)
                if ready > 0 {
                    pending.formUnion(readEvents())
                } else if ready == 0, !pending.isEmpty {
                    changed(pending)
                    pending = []
                }
            }
            Glibc.close(descriptor)
        }.start()
    }

    /// Stops watching (within a fifth of a second).
    public func stop() {
        stopping.store(true, ordering: .releasing)
    }

    private func watchTree(_ folder: String) throws(WatchError) {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else { return }
        try watch(folder, onlyFile: nil)
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] where !name.hasPrefix(".") {
            try watchTree(folder + "/" + name)
        }
    }

    private func watch(_ folder: String, onlyFile: String?) throws(WatchError) {
        let watch = inotify_add_watch(descriptor, folder, Self.mask | UInt32(IN_ONLYDIR))
        guard watch >= 0 else {
            let hint = errno == ENOSPC ? " (raise fs.inotify.max_user_watches)" : ""
            throw WatchError(description: "cannot watch \(folder): \(String(cString: strerror(errno)))\(hint)")
        }
        watched.withLock { watched in
            // A folder watched both whole and for one file is watched whole.
            if let existing = watched[watch], existing.onlyFile == nil { return }
            watched[watch] = (folder, onlyFile)
        }
    }

    /// An editor's backup, swap or temporary file (`.name.swp`, `name~`), which no save is about.
    static func isScratch(_ name: String) -> Bool {
        name.hasPrefix(".") || name.hasSuffix("~") || name.hasSuffix(".swp")
    }

    /// The paths the events waiting now name; new folders are watched too.
    private func readEvents() -> Set<String> {
        var buffer = [UInt8](repeating: 0, count: 16 * 1024)
        let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
        guard count > 0 else { return [] }
        var paths: Set<String> = []
        var offset = 0
        let header = MemoryLayout<inotify_event>.size
        while offset + header <= count {
            let (watch, mask, length) = buffer.withUnsafeBytes { raw in
                let event = raw.loadUnaligned(fromByteOffset: offset, as: inotify_event.self)
                return (event.wd, event.mask, Int(event.len))
            }
            let nameBytes = buffer[(offset + header)..<min(count, offset + header + length)].prefix { $0 != 0 }
            let name = String(decoding: nameBytes, as: UTF8.self)
            offset += header + length
            guard let (folder, onlyFile) = watched.withLock({ $0[watch] }), !name.isEmpty, !Self.isScratch(name) else { continue }
            if let onlyFile, name != onlyFile { continue }
            let path = folder + "/" + name
            if onlyFile == nil, mask & UInt32(IN_ISDIR) != 0, mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0, !name.hasPrefix(".") {
                try? watchTree(path)
            }
            paths.insert(path)
        }
        return paths
    }
}
