import Testing
import Tensors
@testable import NeuralNetworks

@Suite struct BatchNormTests {
    let check = GradientCheck()

    /// A batch norm layer with a non-trivial scale and shift, so their gradients are checked
    /// away from the initial 1 and 0.
    func layer(features: Int, seed: UInt64) -> BatchNorm {
        var random = RandomGenerator(seed: seed)
        let layer = BatchNorm(features, name: "bn")
        for i in 0..<features {
            layer.scale.value[i] = 0.5 + random.nextUniform()
            layer.shift.value[i] = random.nextUniform() - 0.5
        }
        return layer
    }

    @Test func trainingModeGradient() {
        // Training mode differentiates through the batch's mean and variance too.
        let mismatches = check.mismatches(layer: layer(features: 5, seed: 61), input: inputAwayFromZero(shape: [6, 5], seed: 62))
        #expect(mismatches.isEmpty, "\(mismatches)")
    }

    @Test func evaluationModeGradient() {
        let bn = layer(features: 4, seed: 63)
        for i in 0..<4 { bn.runningMean.value[i] = Float(i) * 0.3 - 0.4; bn.runningVariance.value[i] = 0.5 + Float(i) }
        bn.isTraining = false
        let mismatches = check.mismatches(layer: bn, input: inputAwayFromZero(shape: [3, 4], seed: 64))
        #expect(mismatches.isEmpty, "\(mismatches)")
    }

    @Test func insideANetworkBeforeALeakyRectifier() {
        var random = RandomGenerator(seed: 65)
        let network = Sequential([
            Linear(6, 5, name: "a", generator: &random), BatchNorm(5, name: "b"), LeakyReLU(slope: 0.2),
            Linear(5, 3, name: "c", generator: &random), Tanh(),
        ])
        let mismatches = check.mismatches(layer: network, input: inputAwayFromZero(shape: [8, 6], seed: 66))
        #expect(mismatches.isEmpty, "\(mismatches)")
    }

    /// The usual mistake: treating the batch statistics as constants in training mode, which
    /// drops the two terms through the mean and the variance.
    final class BatchNormWithConstantStatistics: Layer {
        let inner: BatchNorm
        private var input = Tensor(shape: [0])
        private let inputGradient = Tensor(shape: [0])
        init(_ inner: BatchNorm) { self.inner = inner }
        var parameters: [Parameter] { inner.parameters }
        func forward(_ input: Tensor) -> Tensor {
            self.input = input
            return inner.forward(input)
        }
        func backward(_ outputGradient: Tensor) -> Tensor {
            _ = inner.backward(outputGradient)  // the parameters' gradients, which are right
            let (rows, columns) = (input.rows, input.columns)
            inputGradient.resize(rows: rows, columns: columns)
            for feature in 0..<columns {
                let values = (0..<rows).map { Double(input[$0 * columns + feature]) }
                let mean = values.reduce(0, +) / Double(rows)
                let variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(rows)
                let factor = inner.scale.value[feature] / Float((variance + Double(inner.epsilon)).squareRoot())
                for row in 0..<rows { inputGradient[row * columns + feature] = factor * outputGradient[row * columns + feature] }
            }
            return inputGradient
        }
    }

    /// A backward pass whose scale gradient forgets x̂ (Σ g instead of Σ g·x̂).
    final class BatchNormWithWrongScaleGradient: Layer {
        let inner: BatchNorm
        init(_ inner: BatchNorm) { self.inner = inner }
        var parameters: [Parameter] { inner.parameters }
        func forward(_ input: Tensor) -> Tensor { inner.forward(input) }
        func backward(_ outputGradient: Tensor) -> Tensor {
            let result = inner.backward(outputGradient)
            inner.scale.gradient.assign(inner.shift.gradient)
            return result
        }
    }

    @Test func theCheckCatchesABackwardThatIgnoresTheBatchStatistics() {
        let broken = BatchNormWithConstantStatistics(layer(features: 5, seed: 61))
        let mismatches = check.mismatches(layer: broken, input: inputAwayFromZero(shape: [6, 5], seed: 62))
        #expect(mismatches.contains { $0.name == "input" })
    }

    @Test func theCheckCatchesAWrongScaleGradient() {
        let broken = BatchNormWithWrongScaleGradient(layer(features: 5, seed: 61))
        let mismatches = check.mismatches(layer: broken, input: inputAwayFromZero(shape: [6, 5], seed: 62))
        #expect(mismatches.contains { $0.name == "bn.weight" })
        #expect(!mismatches.contains { $0.name == "input" || $0.name == "bn.bias" })
    }

    @Test func trainingNormalisesEachFeatureAndMovesTheRunningStatistics() {
        let bn = BatchNorm(2, name: "bn")
        let input = Tensor(shape: [4, 2], values: [1, 10, 2, 20, 3, 30, 4, 40])
        let output = bn.forward(input)
        for feature in 0..<2 {
            let column = (0..<4).map { Double(output[$0 * 2 + feature]) }
            #expect(abs(column.reduce(0, +)) < 1e-5)
            #expect(abs(column.reduce(0) { $0 + $1 * $1 } / 4 - 1) < 1e-3)
        }
        // running ← 0.9·running + 0.1·batch; the variance unbiased: 5/3 and 500/3.
        #expect(abs(bn.runningMean.value[0] - 0.25) < 1e-6 && abs(bn.runningMean.value[1] - 2.5) < 1e-5)
        #expect(abs(bn.runningVariance.value[0] - (0.9 + 0.1 * 5 / 3)) < 1e-5)
        #expect(abs(bn.runningVariance.value[1] - (0.9 + 0.1 * 500 / 3)) < 1e-3)
    }

    @Test func evaluationUsesTheRunningStatisticsAndChangesNothing() {
        let bn = BatchNorm(1, name: "bn")
        bn.runningMean.value[0] = 2
        bn.runningVariance.value[0] = 4
        bn.isTraining = false
        let output = bn.forward(Tensor(shape: [2, 1], values: [2, 6]))
        #expect(abs(output[0]) < 1e-6 && abs(output[1] - 2) < 1e-4)
        // A single image can be normalised, and the running statistics stay as they were.
        _ = bn.forward(Tensor(shape: [1, 1], values: [5]))
        #expect(bn.runningMean.value[0] == 2 && bn.runningVariance.value[0] == 4)
    }
}
