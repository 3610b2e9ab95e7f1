import AtomicFiles
import CourseSteps
import Foundation

/// The identity of the files a data-loading step reads (its result type's ``DataSource``), for
/// cache keys.
///
/// Hashing the files takes a moment, so the identity is remembered in the cache folder with
/// each file's size and modification time (as `make` and git do) and recomputed only when one
/// of them changes.
struct DataIdentity {
    private struct Memo: Codable {
        var stamps: [String]
        var identity: String
    }

    /// The identity of the files of `source`, or a description of why they cannot be read: the
    /// run then fails in the step, with its hint.
    static func current(source: DataSource, memo: URL) -> String {
        let stamps = source.files().map { path -> String in
            let attributes = try? FileManager.default.attributesOfItem(atPath: path)
            let size = (attributes?[.size] as? NSNumber)?.intValue ?? -1
            let modified = (attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? -1
            return "\(path) \(size) \(modified)"
        }
        if let data = try? Data(contentsOf: memo), let saved = try? JSONDecoder().decode(Memo.self, from: data), saved.stamps == stamps {
            return saved.identity
        }
        let identity: String
        do {
            identity = try source.identity()
        } catch {
            return "unavailable: \(error)"
        }
        if let data = try? CacheStore.canonicalJSON(Memo(stamps: stamps, identity: identity)) {
            try? AtomicFile.write(data, to: memo)
        }
        return identity
    }
}
