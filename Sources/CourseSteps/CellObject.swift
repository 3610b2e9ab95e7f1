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
let sortedEncoder: JSONEncoder = {
    let encoder = JSONEncoder()
    encoder.outputFormatting = .sortedKeys
    return encoder
}()
