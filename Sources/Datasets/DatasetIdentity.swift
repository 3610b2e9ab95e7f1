/// What the cache knows about the data a cell read: each file's name, size and fingerprint.
///
/// Two identities are equal exactly when the files have the same names, sizes and contents
/// (up to XXH64 collisions), wherever the folder lives; ``description`` is the stable string form
/// the cache hashes into its keys.
public struct DatasetIdentity: Sendable, Hashable, Codable, CustomStringConvertible {
    /// One file of a dataset.
    public struct File: Sendable, Hashable, Codable {
        /// The file's name, without its folder.
        public var name: String
        /// The file's size in bytes, as stored (compressed when gzipped).
        public var byteCount: Int
        /// The XXH64 hash of the stored bytes.
        public var fingerprint: UInt64
    }

    /// The files, sorted by name so the order they were read in does not matter.
    public let files: [File]

    /// Creates an identity from its files, in any order.
    public init(files: [File]) {
        self.files = files.sorted { $0.name < $1.name }
    }

    /// One line per file: `name size xxh64:hex`, joined by newlines.
    public var description: String {
        files.map { file in
            let hex = String(file.fingerprint, radix: 16)
            return "\(file.name) \(file.byteCount) xxh64:\(String(repeating: "0", count: 16 - hex.count))\(hex)"
        }.joined(separator: "\n")
    }
}

extension DatasetIdentity.File {
    /// The identity of a file whose stored bytes are `bytes`.
    public init(name: String, bytes: [UInt8]) {
        self.init(name: name, byteCount: bytes.count, fingerprint: ContentFingerprint.xxh64(bytes))
    }
}
