import Foundation
import NeuralNetworks

/// A library value that a cell can bind with `let` and pass on: data, a trained model.
///
/// The runner caches a cell's bound objects as checkpoints so that a later cell can run
/// without rerunning the ones before it; restoring must give back an object that behaves
/// bit for bit like the one saved (weights, optimizer state, generator state).
public protocol CellObject: AnyObject {
    /// The Swift type name cells see, such as `TrainedVAE`.
    static var typeName: String { get }
    /// A one-line description for the terminal and logs ("VAE, latent 2, 5 epochs").
    var summary: String { get }
    /// The object's state as named tensors plus string metadata.
    func checkpoint() -> Safetensors
    /// Rebuilds an object from ``checkpoint()``'s result.
    static func restore(from checkpoint: Safetensors) throws -> Self
}

/// A JSON encoder with sorted keys, so the same state always gives the same checkpoint bytes.
private let sortedEncoder: JSONEncoder = {
    let encoder = JSONEncoder()
    encoder.outputFormatting = .sortedKeys
    return encoder
}()

/// How cell objects keep their non-tensor state in a checkpoint: as sorted-key JSON metadata.
extension Safetensors {
    /// Stores `value` under `key` in the metadata.
    mutating func setMetadata(_ key: String, to value: some Encodable) {
        // Plain records of numbers and strings always encode.
        metadata[key] = String(decoding: try! sortedEncoder.encode(value), as: UTF8.self)
    }

    /// The value stored under `key`; throws, naming `what`, when it is missing or unreadable.
    func metadata<Value: Decodable>(_ key: String, as _: Value.Type, of what: String) throws -> Value {
        guard let json = metadata[key], let value = try? JSONDecoder().decode(Value.self, from: Data(json.utf8)) else {
            throw CheckpointError("\(what) checkpoint without its \(key)")
        }
        return value
    }

    /// The tensors without the optimizer's moments (`adam.…`): the model's parameters.
    var parametersOnly: Safetensors {
        var weights = self
        weights.tensors = tensors.filter { !$0.key.hasPrefix("adam.") }
        return weights
    }
}
