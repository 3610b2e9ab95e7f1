import Tensors

/// The rectifier `max(0, x)`.
public final class ReLU: Layer {
    private let output = Tensor(shape: [0])
    private let inputGradient = Tensor(shape: [0])

    public init() {}

    public func forward(_ input: Tensor) -> Tensor {
        input.apply(into: output) { x in x.replacing(with: 0, where: x .< 0) }
        return output
    }

    /// The gradient passes where the output is positive.
    public func backward(_ outputGradient: Tensor) -> Tensor {
        Tensor.apply(outputGradient, output, into: inputGradient) { g, y in g.replacing(with: 0, where: y .<= 0) }
        return inputGradient
    }
}

/// The leaky rectifier: `x` for positive inputs, `slope · x` otherwise.
public final class LeakyReLU: Layer {
    /// The slope for negative inputs (0.2 in the course's GAN).
    public let slope: Float
    private let output = Tensor(shape: [0])
    private let inputGradient = Tensor(shape: [0])

    public init(slope: Float = 0.01) { self.slope = slope }

    public func forward(_ input: Tensor) -> Tensor {
        let slope = slope
        input.apply(into: output) { x in x.replacing(with: x * slope, where: x .< 0) }
        return output
    }

    /// The output has the input's sign, so it tells which slope applied.
    public func backward(_ outputGradient: Tensor) -> Tensor {
        let slope = slope
        Tensor.apply(outputGradient, output, into: inputGradient) { g, y in g.replacing(with: g * slope, where: y .< 0) }
        return inputGradient
    }
}

/// The logistic function `1 / (1 + e^-x)`.
public final class Sigmoid: Layer {
    private let output = Tensor(shape: [0])
    private let inputGradient = Tensor(shape: [0])

    public init() {}

    public func forward(_ input: Tensor) -> Tensor {
        input.sigmoid(into: output)
        return output
    }

    /// dσ/dx = σ(1 − σ).
    public func backward(_ outputGradient: Tensor) -> Tensor {
        Tensor.apply(outputGradient, output, into: inputGradient) { g, y in g * y * (1 - y) }
        return inputGradient
    }
}

/// The hyperbolic tangent.
public final class Tanh: Layer {
    private let output = Tensor(shape: [0])
    private let inputGradient = Tensor(shape: [0])

    public init() {}

    public func forward(_ input: Tensor) -> Tensor {
        input.tanh(into: output)
        return output
    }

    /// d tanh/dx = 1 − tanh².
    public func backward(_ outputGradient: Tensor) -> Tensor {
        Tensor.apply(outputGradient, output, into: inputGradient) { g, y in g * (1 - y * y) }
        return inputGradient
    }
}
