import Foundation
import SHA256
import Tensors

/// Everything a cell's outputs depend on; its SHA-256 is the cell's cache key.
///
/// Kept in each cache entry and in the per-cell record, so `course list` can compare the
/// ingredients of the last run with today's and say why a cell is stale.
public struct CacheKeyIngredients: Sendable, Equatable, Codable {
    /// Bumped when the meaning of a key changes, so old entries are never mistaken for new ones.
    static let version = 1

    /// The cell's statements printed canonically (whitespace and comments do not count).
    public var source: String
    /// The cell's attributes (`id`, `caption`, `seed`…), by name.
    public var attributes: [String: String]
    /// The keys of the cells this one reads bindings from, by cell id.
    public var upstream: [String: String]
    /// The seed the cell runs with.
    public var seed: UInt64
    /// The identity of the dataset files, for cells that load data.
    public var data: String?
    /// The fingerprints of the library modules its steps depend on, by module name.
    public var modules: [String: String]
    /// The numeric backend that computes the cell's results (BLAS library, version and kernel,
    /// the C kernels' vector unit, the thread split): another kernel rounds differently.
    public var backend: NumericBackend.Identity?

    /// The cache key: SHA-256 of the ingredients in a canonical JSON form, as hex.
    public var key: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Plain strings, numbers and dictionaries always encode.
        let json = try! encoder.encode(self)
        return SHA256Hex.digest(Data("course-cache-key \(Self.version)\n".utf8) + json)
    }

    /// Why a cell with these ingredients cannot reuse a result made with `old`, in plain words
    /// ("source changed", "upstream cell 'train' changed", "module NeuralNetworks changed").
    public func changes(since old: CacheKeyIngredients) -> [String] {
        var reasons: [String] = []
        if source != old.source { reasons.append("source changed") }
        for name in Set(attributes.keys).union(old.attributes.keys).sorted() where attributes[name] != old.attributes[name] {
            reasons.append("attribute '\(name)' changed")
        }
        if seed != old.seed, attributes["seed"] == old.attributes["seed"] { reasons.append("seed changed") }
        for id in Set(upstream.keys).union(old.upstream.keys).sorted() where upstream[id] != old.upstream[id] {
            reasons.append(upstream[id] == nil || old.upstream[id] == nil ? "now depends on different cells" : "upstream cell '\(id)' changed")
        }
        if data != old.data { reasons.append("data changed") }
        for module in Set(modules.keys).union(old.modules.keys).sorted() where modules[module] != old.modules[module] {
            reasons.append("module \(module) changed")
        }
        if backend != old.backend {
            let change = switch (old.backend, backend) {
            case let (old?, new?): new.change(from: old)
            case let (nil, new?): "none recorded → \(new)"
            case let (old?, nil): "\(old) → none"
            case (nil, nil): ""
            }
            reasons.append("numeric backend changed: \(change)")
        }
        return reasons
    }
}
