import Foundation

/// The table of contents of one cache entry: the key and its ingredients, the run time, and
/// each payload file with its SHA-256, so a damaged file is noticed before it is used.
struct CacheManifest: Codable, Sendable, Equatable {
    /// One file of the entry.
    struct FileRecord: Codable, Sendable, Equatable {
        var name: String
        var byteCount: Int
        var sha256: String
    }

    /// A value the cell bound with `let`.
    struct BindingRecord: Codable, Sendable, Equatable {
        /// The name in the lesson.
        var name: String
        /// The type as cells see it (`TrainedVAE`, `Int`).
        var type: String
        /// For library objects, the fully qualified Swift type that restores it
        /// (`CourseSteps.TrainedVAE`); nil for plain values stored as JSON.
        var objectType: String?
        /// The checkpoint (safetensors) or JSON file.
        var file: FileRecord
    }

    var key: String
    var ingredients: CacheKeyIngredients
    /// How long the cell's code ran, in seconds.
    var seconds: Double
    /// The display items' canonical bytes, concatenated.
    var outputs: FileRecord
    /// The byte count of each display item in `outputs`, in order.
    var outputSizes: [Int]
    var bindings: [BindingRecord]
}

/// An entry that failed its integrity check.
struct CacheCorruption: Error, CustomStringConvertible {
    var key: String
    var file: String
    var description: String { "cache file \(file) of entry \(key.prefix(12)) does not match its checksum" }
}
