import Tensors

/// A fully connected layer: `y = x Wᵀ + b`, with W of shape [out, in] as in PyTorch.
public final class Linear: Layer {
    /// The weight matrix, [outputSize, inputSize].
    public let weight: Parameter
    /// The bias vector, [outputSize].
    public let bias: Parameter
    /// When false, ``backward(_:)`` skips the input gradient: the first layer of a network
    /// never needs it, and it costs as much as the weight gradient.
    public var propagatesGradient = true

    private var input: Tensor?
    private let output = Tensor(shape: [0])
    private let inputGradient = Tensor(shape: [0])

    /// Creates a layer with PyTorch's default initialisation: weight and bias uniform in
    /// ±1/√inputSize (Kaiming-uniform with a = √5).
    public init(_ inputSize: Int, _ outputSize: Int, name: String = "linear", generator: inout RandomGenerator) {
        let bound = 1 / Float(inputSize).squareRoot()
        weight = Parameter(name: "\(name).weight", value: .uniform(shape: [outputSize, inputSize], low: -bound, high: bound, generator: &generator))
        bias = Parameter(name: "\(name).bias", value: .uniform(shape: [outputSize], low: -bound, high: bound, generator: &generator))
    }

    public var parameters: [Parameter] { [weight, bias] }
    /// The number of input features.
    public var inputSize: Int { weight.value.shape[1] }
    /// The number of output features.
    public var outputSize: Int { weight.value.shape[0] }

    public func forward(_ input: Tensor) -> Tensor {
        precondition(input.columns == inputSize, "Linear(\(inputSize), \(outputSize)) given input \(input.shape)")
        self.input = input
        output.resize(rows: input.rows, columns: outputSize)
        output.fillRows(with: bias.value)
        Tensor.matmul(input, weight.value, transposeB: true, into: output, beta: 1)  // [batch, out]
        return output
    }

    public func backward(_ outputGradient: Tensor) -> Tensor {
        guard let input else { preconditionFailure("Linear.backward before forward") }
        Tensor.matmul(outputGradient, input, transposeA: true, into: weight.gradient)  // [out, in]
        outputGradient.sumRows(into: bias.gradient)  // [out]
        guard propagatesGradient else { return inputGradient }
        Tensor.matmul(outputGradient, weight.value, into: inputGradient)  // [batch, in]
        return inputGradient
    }
}
