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
    /// When false, ``backward(_:)`` leaves the weight and bias gradients alone: the GAN's
    /// data-parallel training computes them afterwards, summed over the replicas, with
    /// ``computeParameterGradients(rows:summingOver:)``; and a GAN's discriminator, held fixed
    /// while the generator trains, needs only its input gradient.
    public var computesParameterGradients = true

    private var input: Tensor?
    /// The output gradient of the last backward pass, if one followed the last forward pass.
    private var outputGradient: Tensor?
    private let output = Tensor(shape: [0])
    private let inputGradient = Tensor(shape: [0])

    /// Creates a layer with PyTorch's default initialisation: weight and bias uniform in
    /// ±1/√inputSize (Kaiming-uniform with a = √5).
    public init(_ inputSize: Int, _ outputSize: Int, name: String = "linear", generator: inout RandomGenerator) {
        let bound = 1 / Float(inputSize).squareRoot()
        weight = Parameter(name: "\(name).weight", value: .uniform(shape: [outputSize, inputSize], low: -bound, high: bound, generator: &generator))
        bias = Parameter(name: "\(name).bias", value: .uniform(shape: [outputSize], low: -bound, high: bound, generator: &generator))
    }

    /// A layer that shares `other`'s weight and bias values but has its own gradients and
    /// buffers: a replica for data-parallel training.
    public init(sharingWeightsOf other: Linear) {
        weight = Parameter(name: other.weight.name, value: other.weight.value)
        bias = Parameter(name: other.bias.name, value: other.bias.value)
        propagatesGradient = other.propagatesGradient
        computesParameterGradients = other.computesParameterGradients
    }

    public var parameters: [Parameter] { [weight, bias] }
    /// The number of input features.
    public var inputSize: Int { weight.value.shape[1] }
    /// The number of output features.
    public var outputSize: Int { weight.value.shape[0] }

    public func forward(_ input: Tensor) -> Tensor {
        precondition(input.columns == inputSize, "Linear(\(inputSize), \(outputSize)) given input \(input.shape)")
        self.input = input
        outputGradient = nil
        output.resize(rows: input.rows, columns: outputSize)
        output.fillRows(with: bias.value)
        Tensor.matmul(input, weight.value, transposeB: true, into: output, beta: 1)  // [batch, out]
        return output
    }

    public func backward(_ outputGradient: Tensor) -> Tensor {
        guard let input else { preconditionFailure("Linear.backward before forward") }
        self.outputGradient = outputGradient
        if computesParameterGradients {
            Tensor.matmul(outputGradient, input, transposeA: true, into: weight.gradient)  // [out, in]
            outputGradient.sumRows(into: bias.gradient)  // [out]
        }
        guard propagatesGradient else { return inputGradient }
        Tensor.matmul(outputGradient, weight.value, into: inputGradient)  // [batch, in]
        return inputGradient
    }

    /// Writes rows `rows` of the weight gradient, and the same entries of the bias gradient,
    /// summed over the last backward passes of `replicas`: this layer and layers sharing its
    /// weights, each having seen part of a batch. A replica with no backward pass since its
    /// last forward pass adds nothing.
    ///
    /// Calls for disjoint rows may run at the same time: each writes only its rows.
    public func computeParameterGradients(rows: Range<Int>, summingOver replicas: [Linear]) {
        var first = true
        for replica in replicas {
            guard let input = replica.input, let outputGradient = replica.outputGradient else { continue }
            precondition(replica.weight.value === weight.value, "computeParameterGradients: a replica must share this layer's weights")
            let beta: Float = first ? 0 : 1
            Tensor.matmulTransposedA(outputGradient, input, rows: rows, into: weight.gradient, beta: beta)  // [rows, in]
            outputGradient.sumRows(columns: rows, into: bias.gradient, adding: !first)  // [rows]
            first = false
        }
        if first {
            for row in rows { bias.gradient[row] = 0 }
            weight.gradient.mutableBuffer[(rows.lowerBound * inputSize)..<(rows.upperBound * inputSize)].update(repeating: 0)
        }
    }
}
