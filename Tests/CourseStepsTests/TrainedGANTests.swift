import NeuralNetworks
import Tensors
import Testing
@testable import CourseSteps

/// A trained GAN comes back from its checkpoint whole: the averaged generator's weights and
/// both generators' running batch statistics too, so a restored GAN samples the same images.
@Suite struct TrainedGANTests {
    func trained() throws -> TrainedGAN {
        var random = RandomGenerator(seed: 71)
        let trainer = GAN.Trainer(gan: GAN(.init(codeSize: 4, imageSize: 12), random: &random))
        let images = Tensor.uniform(shape: [32, 12], low: 0, high: 1, generator: &random)
        let history = try trainer.train(on: images, epochs: 2, batchSize: 8, random: &random)
        return TrainedGAN(trainer: trainer, random: random, history: history)
    }

    @Test func aRestoredGANSamplesTheSameImages() throws {
        let original = try trained()
        let restored = try TrainedGAN.restore(from: original.checkpoint())
        var first = original.random, second = restored.random
        #expect(original.gan.sample(count: 6, random: &first).array == restored.gan.sample(count: 6, random: &second).array)
        #expect(restored.history == original.history)
    }

    @Test func theCheckpointCarriesTheRunningStatisticsAndTheAverage() throws {
        let original = try trained()
        let checkpoint = original.checkpoint()
        for name in ["generator.1.running_mean", "generator.4.running_var", "generator_average.1.running_mean", "generator_average.6.weight"] {
            #expect(checkpoint.tensors[name] != nil, "\(name)")
        }
        // Training moved the running statistics away from their initial 0 and 1: a checkpoint
        // without them would restore a generator that samples differently.
        let mean = try #require(checkpoint.tensors["generator_average.1.running_mean"])
        #expect(mean.array.contains { $0 != 0 })
        var withoutStatistics = checkpoint
        withoutStatistics.tensors["generator_average.1.running_mean"] = nil
        #expect(throws: (any Error).self) { try TrainedGAN.restore(from: withoutStatistics) }
    }
}
