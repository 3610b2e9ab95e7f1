import Tensors

/// Batch normalisation over features: each feature of a batch [batch, features] is shifted
/// and scaled to mean 0 and variance 1, then mapped by a learned scale γ and shift β.
///
/// It keeps every feature of a layer in the range where the next nonlinearity is useful, and
/// so lets a deep generator train with larger, steadier steps. Two modes, as in PyTorch:
///
/// - **training** (``isTraining`` true): the batch's own mean and (biased) variance normalise
///   it, so the output of one image depends on the others in its batch, and the backward pass
///   differentiates through those statistics. Each forward pass also moves the running
///   statistics towards the batch's: `running ← (1 − momentum)·running + momentum·batch`
///   (the variance unbiased, n/(n − 1)).
/// - **evaluation** (``isTraining`` false): the running statistics normalise, so each image's
///   output depends on that image alone: sampling and scoring use this mode.
///
/// The running statistics are state, not parameters: no gradient moves them, and checkpoints
/// save them beside the parameters (``runningStatistics``).
public final class BatchNorm: Layer {
    /// γ, [features], initialised to 1.
    public let scale: Parameter
    /// β, [features], initialised to 0.
    public let shift: Parameter
    /// The running mean and variance of each feature, [features] each, saved in checkpoints
    /// under `name.running_mean` and `name.running_var` (PyTorch's keys).
    public let runningMean: Parameter, runningVariance: Parameter
    /// Whether forward passes use (and update) batch statistics; false uses the running ones.
    public var isTraining = true
    /// How far each training batch moves the running statistics (PyTorch's default 0.1).
    public let momentum: Float
    /// Added to the variance before the square root, so a constant feature does not divide by 0.
    public let epsilon: Float

    /// The normalised input x̂ and 1/√(σ² + ε) of the last forward pass, for the backward one.
    private let normalized = Tensor(shape: [0])
    private let inverseDeviation = Tensor(shape: [0])
    private var lastPassWasTraining = true
    private let output = Tensor(shape: [0])
    private let inputGradient = Tensor(shape: [0])

    /// Creates a layer for `features` features, named `name` in checkpoints.
    public init(_ features: Int, name: String = "batchnorm", momentum: Float = 0.1, epsilon: Float = 1e-5) {
        scale = Parameter(name: "\(name).weight", value: Tensor(shape: [features], values: [Float](repeating: 1, count: features)))
        shift = Parameter(name: "\(name).bias", value: Tensor(shape: [features]))
        runningMean = Parameter(name: "\(name).running_mean", value: Tensor(shape: [features]))
        runningVariance = Parameter(name: "\(name).running_var", value: Tensor(shape: [features], values: [Float](repeating: 1, count: features)))
        self.momentum = momentum
        self.epsilon = epsilon
        inverseDeviation.resize(count: features)
    }

    public var parameters: [Parameter] { [scale, shift] }
    /// The running statistics, which checkpoints carry beside the parameters.
    public var runningStatistics: [Parameter] { [runningMean, runningVariance] }
    /// The number of features.
    public var features: Int { scale.value.count }

    public func forward(_ input: Tensor) -> Tensor {
        precondition(input.columns == features, "BatchNorm(\(features)) given input \(input.shape)")
        let rows = input.rows, columns = features
        precondition(!isTraining || rows > 1, "BatchNorm in training mode needs a batch of more than one")
        normalized.resize(rows: rows, columns: columns)  // [batch, features]
        output.resize(rows: rows, columns: columns)      // [batch, features]
        lastPassWasTraining = isTraining
        for feature in 0..<columns {
            let mean: Double, variance: Double
            if isTraining {
                var sum = 0.0
                for row in 0..<rows { sum += Double(input[row * columns + feature]) }
                mean = sum / Double(rows)
                var squares = 0.0
                for row in 0..<rows {
                    let d = Double(input[row * columns + feature]) - mean
                    squares += d * d
                }
                variance = squares / Double(rows)
                runningMean.value[feature] = (1 - momentum) * runningMean.value[feature] + momentum * Float(mean)
                runningVariance.value[feature] = (1 - momentum) * runningVariance.value[feature] + momentum * Float(squares / Double(rows - 1))
            } else {
                mean = Double(runningMean.value[feature])
                variance = Double(runningVariance.value[feature])
            }
            let inverse = Float(1 / (variance + Double(epsilon)).squareRoot())
            inverseDeviation[feature] = inverse
            let (gamma, beta, center) = (scale.value[feature], shift.value[feature], Float(mean))
            for row in 0..<rows {
                let index = row * columns + feature
                let xHat = (input[index] - center) * inverse
                normalized[index] = xHat
                output[index] = gamma * xHat + beta
            }
        }
        return output
    }

    /// With g = dL/dy: dγ = Σ g·x̂, dβ = Σ g over the batch. In evaluation mode the statistics
    /// are constants and dx = γ·g/σ. In training mode they depend on every input of the batch,
    /// which adds two terms: dx = γ/(nσ) · (n·g − Σ g − x̂ · Σ g·x̂).
    public func backward(_ outputGradient: Tensor) -> Tensor {
        let rows = normalized.rows, columns = features
        precondition(outputGradient.rows == rows && outputGradient.columns == columns, "BatchNorm.backward: gradient \(outputGradient.shape), last input [\(rows), \(columns)]")
        inputGradient.resize(rows: rows, columns: columns)  // [batch, features]
        for feature in 0..<columns {
            var gradientSum = 0.0, weightedSum = 0.0
            for row in 0..<rows {
                let index = row * columns + feature
                gradientSum += Double(outputGradient[index])
                weightedSum += Double(outputGradient[index]) * Double(normalized[index])
            }
            shift.gradient[feature] = Float(gradientSum)
            scale.gradient[feature] = Float(weightedSum)
            let factor = scale.value[feature] * inverseDeviation[feature]
            if lastPassWasTraining {
                let meanGradient = Float(gradientSum / Double(rows)), meanWeighted = Float(weightedSum / Double(rows))
                for row in 0..<rows {
                    let index = row * columns + feature
                    inputGradient[index] = factor * (outputGradient[index] - meanGradient - normalized[index] * meanWeighted)
                }
            } else {
                for row in 0..<rows {
                    let index = row * columns + feature
                    inputGradient[index] = factor * outputGradient[index]
                }
            }
        }
        return inputGradient
    }
}
