import Outputs

extension Layer {
    /// The layer as plain numbers (see `NetworkLayer`), for running it outside this library;
    /// nil for a kind of layer that has no such form (a `Sequential` is described by its layers).
    public var networkLayer: NetworkLayer? {
        switch self {
        case let linear as Linear:
            .linear(inputSize: linear.inputSize, outputSize: linear.outputSize, weights: linear.weight.value.array, bias: linear.bias.value.array)
        case is ReLU: .relu
        case let leaky as LeakyReLU: .leakyReLU(slope: leaky.slope)
        case is Sigmoid: .sigmoid
        case is Tanh: .tanh
        default: nil
        }
    }
}
