import Foundation

/// A fresh folder under the system's temporary directory for the files a test writes, empty or
/// a copy of a fixture folder (a small course repository, say); removed when it goes away, or
/// by ``remove()`` (`defer { folder.remove() }` also keeps it alive to the end of the scope).
public final class TemporaryFolder: Sendable {
    /// The folder.
    public let url: URL

    /// Creates an empty folder whose name starts with `prefix`.
    public init(_ prefix: String = "tests") throws {
        url = Self.freshURL(prefix)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    /// Creates a copy of the folder `source`, whose name starts with `prefix`.
    public init(copying source: URL, prefix: String = "tests") throws {
        url = Self.freshURL(prefix)
        try FileManager.default.copyItem(at: source, to: url)
    }

    deinit { remove() }

    /// Removes the folder and everything in it.
    public func remove() { try? FileManager.default.removeItem(at: url) }

    private static func freshURL(_ prefix: String) -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
    }

    /// The folder's path.
    public var path: String { url.path }

    /// The URL of `path` inside the folder.
    public func url(_ path: String) -> URL { url.appendingPathComponent(path) }

    /// The file system path of `path` inside the folder.
    public func file(_ path: String) -> String { url(path).path }

    /// Writes `bytes` to the file at `path` inside the folder, making the folders on the way.
    public func write(_ bytes: some DataProtocol, to path: String) throws {
        let file = url(path)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: file)
    }

    /// Writes `text` as UTF-8 to the file at `path` inside the folder, making the folders on the way.
    public func write(_ text: String, to path: String) throws {
        try write(Data(text.utf8), to: path)
    }

    /// The text of the file at `path` inside the folder.
    public func text(_ path: String) throws -> String {
        try String(contentsOf: url(path), encoding: .utf8)
    }
}
