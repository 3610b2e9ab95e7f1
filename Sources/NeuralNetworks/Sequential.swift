import Tensors

/// Layers applied one after another; backward runs them in reverse.
public final class Sequential: Layer {
    /// The layers, first to last.
    public let layers: [any Layer]

    public init(_ layers: [any Layer]) { self.layers = layers }

    public var parameters: [Parameter] { layers.flatMap(\.parameters) }

    /// The fully connected layers, first to last.
    public var linearLayers: [Linear] { layers.compactMap { $0 as? Linear } }

    public func forward(_ input: Tensor) -> Tensor {
        layers.reduce(input) { $1.forward($0) }
    }

    public func backward(_ outputGradient: Tensor) -> Tensor {
        layers.reversed().reduce(outputGradient) { $1.backward($0) }
    }
}
