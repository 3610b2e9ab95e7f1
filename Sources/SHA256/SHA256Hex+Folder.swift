import Foundation

extension SHA256Hex {
    /// Returns the SHA-256 of a folder's regular files (at any depth), sorted by their path
    /// relative to `folder`, each hashed as `path NUL size NUL bytes`, as 64 lowercase hex digits;
    /// `absent` when the folder is missing or holds no file.
    ///
    /// This is a module's code fingerprint: `CodeFingerprintTool` computes it at build time and
    /// LessonRunner's `CodeFingerprint` at run time, and the two must agree. Files are read one
    /// at a time, so a whole module's sources are never in memory together.
    public static func digest(folder: URL) throws -> String {
        guard let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey]) else {
            return "absent"
        }
        let prefix = folder.standardizedFileURL.path + "/"
        var files: [(path: String, url: URL)] = []
        for case let url as URL in enumerator where (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
            let path = url.standardizedFileURL.path
            files.append((path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path, url))
        }
        if files.isEmpty { return "absent" }
        var hasher = SHA256Hasher()
        for file in files.sorted(by: { $0.path < $1.path }) {
            let contents = try Data(contentsOf: file.url)
            hasher.update(Data("\(file.path)\0\(contents.count)\0".utf8))
            hasher.update(contents)
        }
        return hasher.finalizeHex()
    }
}
