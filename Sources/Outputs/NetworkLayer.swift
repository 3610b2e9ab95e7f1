/// One layer of a trained network as plain numbers: what a reader's browser needs to run the
/// network again (the site's latent explorer runs a VAE's decoder this way).
///
/// The kinds are the layers of our ML library that a decoder is made of; the library describes
/// its own layers with these, so a page never assumes an architecture. Weights encode as the
/// base64 of their float bits, so a cached layer is bit-identical to the trained one.
public enum NetworkLayer: Sendable, Equatable, Codable {
    /// `y = x Wᵀ + b`, with `weights` laid out [outputSize, inputSize] row-major.
    case linear(inputSize: Int, outputSize: Int, weights: [Float], bias: [Float])
    /// `max(0, x)`.
    case relu
    /// `x` for positive inputs, `slope · x` otherwise.
    case leakyReLU(slope: Float)
    /// `1 / (1 + e^-x)`.
    case sigmoid
    /// The hyperbolic tangent.
    case tanh

    /// The number of weights and biases.
    public var parameterCount: Int {
        if case .linear(_, _, let weights, let bias) = self { weights.count + bias.count } else { 0 }
    }

    /// The name the browser's decoder knows the layer by.
    public var kind: String {
        switch self {
        case .linear: "linear"
        case .relu: "relu"
        case .leakyReLU: "leakyReLU"
        case .sigmoid: "sigmoid"
        case .tanh: "tanh"
        }
    }

    /// The output size for an input of `inputSize` features, or nil when a linear layer expects
    /// another size.
    public func outputSize(forInput inputSize: Int) -> Int? {
        guard case .linear(let expected, let outputSize, _, _) = self else { return inputSize }
        return expected == inputSize ? outputSize : nil
    }

    // MARK: Codable: a kind, and a linear layer's sizes and float bits

    private enum CodingKeys: String, CodingKey {
        case kind, inputSize, outputSize, weights, bias, slope
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        switch try container.decode(String.self, forKey: .kind) {
        case "linear":
            let inputSize = try container.decode(Int.self, forKey: .inputSize)
            let outputSize = try container.decode(Int.self, forKey: .outputSize)
            guard let weights = FloatBits.floats(base64: try container.decode(String.self, forKey: .weights)),
                  let bias = FloatBits.floats(base64: try container.decode(String.self, forKey: .bias)),
                  inputSize > 0, outputSize > 0, weights.count == inputSize * outputSize, bias.count == outputSize else {
                throw DecodingError.dataCorruptedError(forKey: .weights, in: container, debugDescription: "inconsistent linear layer")
            }
            self = .linear(inputSize: inputSize, outputSize: outputSize, weights: weights, bias: bias)
        case "relu": self = .relu
        case "leakyReLU": self = .leakyReLU(slope: try container.decode(Float.self, forKey: .slope))
        case "sigmoid": self = .sigmoid
        case "tanh": self = .tanh
        case let other:
            throw DecodingError.dataCorruptedError(forKey: .kind, in: container, debugDescription: "unknown layer kind '\(other)'")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(kind, forKey: .kind)
        switch self {
        case .linear(let inputSize, let outputSize, let weights, let bias):
            try container.encode(inputSize, forKey: .inputSize)
            try container.encode(outputSize, forKey: .outputSize)
            try container.encode(FloatBits.base64(weights), forKey: .weights)
            try container.encode(FloatBits.base64(bias), forKey: .bias)
        case .leakyReLU(let slope):
            try container.encode(slope, forKey: .slope)
        case .relu, .sigmoid, .tanh:
            break
        }
    }
}
