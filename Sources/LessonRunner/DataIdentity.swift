import AtomicFiles
import Datasets
import Foundation

/// The identity of the dataset files that data-loading steps read, for cache keys.
///
/// Hashing the files takes a moment, so the identity is remembered in the cache folder with
/// each file's size and modification time (as `make` and git do) and recomputed only when one
/// of them changes.
struct DataIdentity {
    private static let stems = ["train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"]

    private struct Memo: Codable {
        var stamps: [String]
        var identity: String
    }

    /// The identity of the data folder `folder` (by default the one `fashionMNIST()` reads), or
    /// a description of why it cannot be read: the run then fails in the step, with its hint.
    static func current(folder: MNISTFolder = MNISTFolder(), memo: URL) -> String {
        let stamps = stems.map { stem -> String in
            let path = folder.filePath(stem)
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
            identity = try folder.identity().description
        } catch {
            return "unavailable: \(error)"
        }
        if let data = try? CacheStore.canonicalJSON(Memo(stamps: stamps, identity: identity)) {
            try? AtomicFile.write(data, to: memo)
        }
        return identity
    }
}
