import Foundation
import Testing
import Tensors
@testable import NeuralNetworks

@Suite struct ModelTests {
    func tinyImages(count: Int, size: Int, seed: UInt64) -> Tensor {
        var generator = RandomGenerator(seed: seed)
        return Tensor.uniform(shape: [count, size], generator: &generator)
    }

    /// The whole VAE loss, through the reparameterisation, against central differences
    /// (with the same ε drawn each time).
    @Test(arguments: [VAE.Reconstruction.binaryCrossEntropy, .squaredError], [true, false])
    func vaeGradients(_ reconstruction: VAE.Reconstruction, variational: Bool) {
        var generator = RandomGenerator(seed: 41)
        let vae = VAE(.init(inputSize: 6, hiddenSize: 5, latentSize: 2, reconstruction: reconstruction, klWeight: 0.5, variational: variational), generator: &generator)
        let images = tinyImages(count: 3, size: 6, seed: 42)
        let workspace = VAE.Workspace()
        func loss() -> Double {
            var noise = RandomGenerator(seed: 43)
            return vae.pass(images, workspace: workspace, generator: &noise, backward: false).total
        }
        var noise = RandomGenerator(seed: 43)
        _ = vae.pass(images, workspace: workspace, generator: &noise, backward: true)
        let check = GradientCheck()
        let analytic = vae.parameters.map { $0.gradient.array }
        var mismatches: [GradientCheck.Mismatch] = []
        for (parameter, gradient) in zip(vae.parameters, analytic) {
            mismatches += check.mismatches(name: parameter.name, tensor: parameter.value, analytic: gradient, loss: loss)
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(5))")
    }

    @Test func vaeTrainingOnATinySetLowersItsLoss() throws {
        var generator = RandomGenerator(seed: 44)
        let vae = VAE(.init(inputSize: 16, hiddenSize: 12, latentSize: 2), generator: &generator)
        // Four prototype images, each repeated: structure the VAE can learn.
        let prototypes = tinyImages(count: 4, size: 16, seed: 45)
        let images = Tensor(shape: [64, 16])
        for row in 0..<64 { for column in 0..<16 { images[row, column] = prototypes[row % 4, column] > 0.5 ? 0.95 : 0.05 } }
        let history = try vae.train(on: images, epochs: 30, batchSize: 16, optimizer: Adam(parameters: vae.parameters, learningRate: 1e-2), generator: &generator)
        let first = history.reconstruction.first! + history.kl.first!, last = history.reconstruction.last! + history.kl.last!
        #expect(last < first * 0.8)
    }

    @Test func aDiscriminatorStepRaisesTheCostAndAGeneratorStepLowersItsLoss() {
        var random = RandomGenerator(seed: 46)
        let gan = GAN(.init(codeSize: 4, imageSize: 12), random: &random)
        gan.isTraining = true  // as in training: G normalises with the batch's statistics
        let trainer = GAN.Trainer(gan: gan, learningRate: 1e-4)
        let real = GAN.scaledForTraining(tinyImages(count: 16, size: 12, seed: 47))  // D's input range, [−1, 1]
        func probabilities(_ images: Tensor) -> Tensor {
            let result = Tensor(shape: [0])
            gan.discriminator.forward(images).sigmoid(into: result)
            return result
        }
        func cost(codesSeed: UInt64) -> Double {
            var codes = RandomGenerator(seed: codesSeed)
            let realScore = probabilities(real)
            let fakeScore = probabilities(gan.generator.forward(Tensor.normal(shape: [16, 4], generator: &codes)))
            var total = 0.0
            for i in 0..<16 { total += log(Double(realScore[i])) + log(1 - Double(fakeScore[i])) }
            return total / 16
        }
        let before = cost(codesSeed: 9)
        var stepRandom = RandomGenerator(seed: 9)
        let step = trainer.discriminatorStep(real: real, codes: Tensor.normal(shape: [16, 4], generator: &stepRandom))
        #expect(abs(step.cost - before) < 1e-5)  // the step reports C on the batch it trained on
        #expect(cost(codesSeed: 9) > before)

        var codes = RandomGenerator(seed: 10)
        let fixedCodes = Tensor.normal(shape: [16, 4], generator: &codes)
        func generatorLoss() -> Double {
            let scores = probabilities(gan.generator.forward(fixedCodes))
            let total = (0..<16).reduce(0.0) { $0 + log(Double(scores[$1])) }
            return -total / 16
        }
        let lossBefore = generatorLoss()
        let reported = trainer.generatorStep(fake: gan.generator.forward(fixedCodes))
        #expect(abs(reported - lossBefore) < 1e-5)
        #expect(generatorLoss() < lossBefore)
    }

    @Test func theAveragedGeneratorFollowsGWithTheConfiguredDecay() {
        var random = RandomGenerator(seed: 55)
        let gan = GAN(.init(codeSize: 4, imageSize: 12), random: &random)
        let weight = gan.generator.parameters[0], average = gan.averagedGenerator.parameters[0]
        #expect(average.value.array == weight.value.array)  // the average starts at G
        let before = weight.value.array
        for i in 0..<weight.value.count { weight.value[i] += 1 }
        gan.updateAverage()
        // Each step moves the average by 1 − d of the way: here by 1 − d, as G moved by 1.
        for i in 0..<weight.value.count { #expect(abs(average.value[i] - (before[i] + (1 - GAN.averageDecay))) < 1e-6) }
        gan.batchNorms[0].runningMean.value[0] = 7
        gan.updateAverage()
        #expect((gan.averagedGenerator.layers[1] as! BatchNorm).runningMean.value[0] == 7)
    }

    @Test func samplingUsesTheRunningStatisticsAndPixelsInTheUnitRange() throws {
        var random = RandomGenerator(seed: 52)
        let trainer = GAN.Trainer(gan: GAN(.init(codeSize: 4, imageSize: 12), random: &random))
        try trainer.train(on: tinyImages(count: 32, size: 12, seed: 53), epochs: 1, batchSize: 8, random: &random)
        let gan = trainer.gan
        #expect(!gan.isTraining)  // training leaves G in evaluation mode
        #expect(gan.state.map(\.name).filter { $0.contains("running") } == [
            "generator.1.running_mean", "generator.1.running_var", "generator.4.running_mean", "generator.4.running_var",
            "generator_average.1.running_mean", "generator_average.1.running_var", "generator_average.4.running_mean", "generator_average.4.running_var"])
        #expect(gan.state.filter { !$0.name.contains("running") }.map(\.name) == gan.generator.parameters.map { $0.name.replacingOccurrences(of: "generator.", with: "generator_average.") })
        var codes = RandomGenerator(seed: 54)
        let batch = Tensor.normal(shape: [5, 4], generator: &codes)
        let together = gan.generate(from: batch)
        // In evaluation mode an image does not depend on the others decoded with it.
        let alone = gan.generate(from: batch.rows(0..<1))
        // (Up to rounding: BLAS may sum a product of 5 rows in another order than one of 1.)
        #expect(zip(together.array[0..<12], alone.array).allSatisfy { abs($0 - $1) < 1e-5 })
        #expect(together.array.allSatisfy { $0 >= 0 && $0 <= 1 })
        #expect(!gan.isTraining)
    }

    @Test func ganTrainingRecordsEveryStep() throws {
        var random = RandomGenerator(seed: 48)
        let trainer = GAN.Trainer(gan: GAN(.init(codeSize: 4, imageSize: 12, discriminatorSteps: 2), random: &random))
        let history = try trainer.train(on: tinyImages(count: 64, size: 12, seed: 49), epochs: 2, batchSize: 8, random: &random)
        #expect(history.stepsPerEpoch == 4 && history.steps.count == 8)
        #expect(history.steps.allSatisfy { $0.meanRealScore > 0 && $0.meanRealScore < 1 && $0.cost.isFinite })
    }

    @Test func frechetDistanceOfGaussians() {
        var random = RandomGenerator(seed: 50)
        let a = Tensor.normal(shape: [4000, 3], generator: &random)
        let b = Tensor.normal(shape: [4000, 3], generator: &random)
        #expect(FrechetDistance.between(a, b) < 0.02)
        // Shifting the mean by 1 in each of 3 dimensions adds 3; doubling σ in all adds 3·(1 + 4 − 2·2) = 3.
        let shifted = b.copy()
        for i in 0..<shifted.count { shifted[i] = 2 * shifted[i] + 1 }
        #expect(abs(FrechetDistance.between(a, shifted) - 6) < 0.25)
    }

    @Test func eigenvaluesOfAKnownMatrix() {
        let matrix = SymmetricMatrix(size: 3, elements: [2, 1, 0, 1, 2, 0, 0, 0, 5])
        let values = matrix.eigenvalues().sorted()
        for (value, expected) in zip(values, [1.0, 3, 5]) { #expect(abs(value - expected) < 1e-10) }
        let root = matrix.squareRoot().multiplied(by: matrix.squareRoot())
        for (value, expected) in zip(root.elements, matrix.elements) { #expect(abs(value - expected) < 1e-10) }
    }

    @Test func softmaxCrossEntropyGradient() {
        let logits = inputAwayFromZero(shape: [3, 4], seed: 51)
        let labels = [0, 3, 2]
        let gradient = Tensor(shape: [0])
        _ = SoftmaxCrossEntropy.loss(logits, labels: labels, gradient: gradient)
        let mismatches = GradientCheck().mismatches(name: "logits", tensor: logits, analytic: gradient.array) {
            SoftmaxCrossEntropy.loss(logits, labels: labels)
        }
        #expect(mismatches.isEmpty, "\(mismatches)")
    }

    @Test func inverseNormalQuantiles() {
        #expect(abs(inverseNormalCDF(0.5)) < 1e-12)
        #expect(abs(inverseNormalCDF(0.975) - 1.959963984540054) < 1e-9)
        #expect(abs(inverseNormalCDF(0.001) + 3.090232306167813) < 1e-9)
    }
}
