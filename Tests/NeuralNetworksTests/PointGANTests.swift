import Foundation
import Testing
import Tensors
@testable import NeuralNetworks

/// The GAN on points in the plane: both players' gradients against central differences, and
/// training that moves the generated points onto the data.
@Suite struct PointGANTests {
    /// A trainer; with a learning rate of 0, its steps leave the parameters as they are and
    /// their gradients in place, to be checked.
    func trainer(_ loss: GAN.GeneratorLoss, hidden: Int = 5, learningRate: Float = 1e-3) -> PointGAN.Trainer {
        var random = RandomGenerator(seed: 71)
        return PointGAN.Trainer(gan: PointGAN(.init(hiddenSize: hidden, generatorLoss: loss), random: &random), learningRate: learningRate)
    }

    func noise(_ seed: UInt64, rows: Int = 4) -> Tensor {
        var random = RandomGenerator(seed: seed)
        return Tensor.normal(shape: [rows, 2], generator: &random)
    }

    /// The discriminator's gradient is that of −C(D, G), the cost's mean over each half.
    @Test func discriminatorGradientIsTheNegativeCosts() {
        let trainer = trainer(.nonSaturating, learningRate: 0)
        let real = noise(72).copy(), codes = noise(73).copy()
        _ = trainer.discriminatorStep(real: real, codes: codes)
        let analytic = trainer.gan.discriminator.parameters.map { $0.gradient.array }
        var mismatches: [GradientCheck.Mismatch] = []
        for (parameter, gradient) in zip(trainer.gan.discriminator.parameters, analytic) {
            // A smaller step than the default: a LeakyReLU kink lies within 1e-2 of one unit's input here.
            mismatches += GradientCheck(epsilon: 2e-3).mismatches(name: parameter.name, tensor: parameter.value, analytic: gradient) {
                -trainer.discriminatorStep(real: real, codes: codes).cost
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(5))")
    }

    /// The generator's gradient is that of its loss under either rule, through D into G.
    @Test(arguments: [GAN.GeneratorLoss.nonSaturating, .saturating])
    func generatorGradientIsItsLosss(_ loss: GAN.GeneratorLoss) {
        let trainer = trainer(loss, learningRate: 0)
        let codes = noise(74).copy()
        _ = trainer.generatorStep(fake: trainer.gan.generator.forward(codes))
        let analytic = trainer.gan.generator.parameters.map { $0.gradient.array }
        var mismatches: [GradientCheck.Mismatch] = []
        for (parameter, gradient) in zip(trainer.gan.generator.parameters, analytic) {
            mismatches += GradientCheck().mismatches(name: parameter.name, tensor: parameter.value, analytic: gradient) {
                trainer.generatorStep(fake: trainer.gan.generator.forward(codes))
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(5))")
    }

    /// Trained on points at (1.5, 1.5), the generated points, which start near the origin,
    /// move there.
    @Test func trainingMovesTheGeneratedPointsToTheData() {
        let trainer = trainer(.nonSaturating, hidden: 32)
        let data = Tensor(shape: [64, 2], repeating: 1.5)
        var random = RandomGenerator(seed: 75)
        func meanDistance() -> Double {
            var sampling = RandomGenerator(seed: 76)
            let points = trainer.gan.sample(count: 200, random: &sampling)
            return (0..<200).reduce(0.0) { sum, row in
                sum + hypot(Double(points[row, 0]) - 1.5, Double(points[row, 1]) - 1.5)
            } / 200
        }
        let before = meanDistance()
        for _ in 0..<300 { _ = trainer.step(real: data, batchSize: 32, random: &random) }
        let after = meanDistance()
        #expect(before > 1.5 && after < 0.5, "mean distance to the data \(before) before, \(after) after")
    }
}
