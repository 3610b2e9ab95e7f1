import Foundation
import Testing
import Tensors
@testable import NeuralNetworks

@Suite struct LossGradientTests {
    let check = GradientCheck()

    func targets(_ shape: [Int], seed: UInt64) -> Tensor {
        var generator = RandomGenerator(seed: seed)
        return Tensor.uniform(shape: shape, generator: &generator)
    }

    @Test(arguments: [Reduction.sum, .mean])
    func binaryCrossEntropyWithLogits(_ reduction: Reduction) {
        let logits = inputAwayFromZero(shape: [3, 7], seed: 21), t = targets([3, 7], seed: 22)
        let gradient = Tensor(shape: [0])
        _ = BinaryCrossEntropy.withLogits(logits, targets: t, reduction: reduction, gradient: gradient)
        let mismatches = check.mismatches(name: "logits", tensor: logits, analytic: gradient.array) {
            BinaryCrossEntropy.withLogits(logits, targets: t, reduction: reduction)
        }
        #expect(mismatches.isEmpty, "\(mismatches)")
    }

    @Test func binaryCrossEntropyWithLogitsMatchesTheDefinition() {
        let logits = Tensor(shape: [5], values: [-30, -2, 0, 1.5, 40]), t = Tensor(shape: [5], values: [0, 1, 0.5, 0.25, 1])
        let expected = (0..<5).reduce(0.0) { total, i in
            let p = 1 / (1 + exp(-Double(logits[i]))), target = Double(t[i])
            return total - target * log(max(p, 1e-300)) - (1 - target) * log(max(1 - p, 1e-300))
        }
        let loss = BinaryCrossEntropy.withLogits(logits, targets: t, reduction: .sum)
        #expect(abs(loss - expected) < 1e-5 * max(1, expected))
    }

    @Test func binaryCrossEntropyOnProbabilities() {
        var generator = RandomGenerator(seed: 23)
        let p = Tensor.uniform(shape: [4, 5], low: 0.2, high: 0.8, generator: &generator), t = targets([4, 5], seed: 24)
        let gradient = Tensor(shape: [0])
        _ = BinaryCrossEntropy.onProbabilities(p, targets: t, reduction: .sum, gradient: gradient)
        let mismatches = check.mismatches(name: "p", tensor: p, analytic: gradient.array) {
            BinaryCrossEntropy.onProbabilities(p, targets: t, reduction: .sum)
        }
        #expect(mismatches.isEmpty, "\(mismatches)")
    }

    @Test func binaryCrossEntropyClampsTheLogAtMinus100() {
        let loss = BinaryCrossEntropy.onProbabilities(Tensor(shape: [1], values: [0]), targets: Tensor(shape: [1], values: [1]), reduction: .sum)
        #expect(loss == 100)
    }

    @Test(arguments: [Reduction.sum, .mean])
    func meanSquaredError(_ reduction: Reduction) {
        let prediction = inputAwayFromZero(shape: [3, 6], seed: 25), t = targets([3, 6], seed: 26)
        let gradient = Tensor(shape: [0])
        _ = MeanSquaredError.loss(prediction, targets: t, reduction: reduction, gradient: gradient)
        let mismatches = check.mismatches(name: "prediction", tensor: prediction, analytic: gradient.array) {
            MeanSquaredError.loss(prediction, targets: t, reduction: reduction)
        }
        #expect(mismatches.isEmpty, "\(mismatches)")
    }

    @Test func klDivergence() {
        let mean = inputAwayFromZero(shape: [3, 4], seed: 27), logVariance = inputAwayFromZero(shape: [3, 4], seed: 28)
        let meanGradient = Tensor(shape: [0]), logVarianceGradient = Tensor(shape: [0])
        _ = GaussianKLDivergence.loss(mean: mean, logVariance: logVariance, meanGradient: meanGradient, logVarianceGradient: logVarianceGradient, weight: 0.7)
        let loss = { GaussianKLDivergence.loss(mean: mean, logVariance: logVariance, weight: 0.7) }
        let mismatches = check.mismatches(name: "mean", tensor: mean, analytic: meanGradient.array, loss: loss)
            + check.mismatches(name: "logVariance", tensor: logVariance, analytic: logVarianceGradient.array, loss: loss)
        #expect(mismatches.isEmpty, "\(mismatches)")
    }

    @Test func klDivergenceIsZeroForTheStandardNormal() {
        let zero = Tensor(shape: [2, 3])
        #expect(GaussianKLDivergence.loss(mean: zero, logVariance: zero) == 0)
        // One dimension with μ = 1, σ² = e: ½(1 + e − 1 − 1) = (e − 1)/2.
        let kl = GaussianKLDivergence.loss(mean: Tensor(shape: [1, 1], values: [1]), logVariance: Tensor(shape: [1, 1], values: [1]))
        #expect(abs(kl - (exp(1) - 1) / 2) < 1e-6)
    }
}
