import Testing
import Tensors
@testable import NeuralNetworks

/// The GAN's training iteration with each layer's features split between two cores.
@Suite struct FeatureParallelIterationTests {
    /// 13 pixels, so that the two parts own different numbers of the output layer's features;
    /// and an odd batch of 7, so that the two parts draw different numbers of codes.
    func configuration(_ generatorLoss: GAN.GeneratorLoss, discriminatorSteps: Int) -> GAN.Configuration {
        .init(codeSize: 5, imageSize: 13, generatorLoss: generatorLoss, discriminatorSteps: discriminatorSteps)
    }

    func images() -> Tensor {
        var generator = RandomGenerator(seed: 81)
        return Tensor.uniform(shape: [21, 13], generator: &generator)
    }

    /// k discriminator steps and one generator step move every parameter as the plain steps
    /// do on the same batches, with the codes of each batch's halves drawn from its two seeds.
    @Test(arguments: [GAN.GeneratorLoss.nonSaturating, .saturating], [1, 2])
    func iterationMatchesThePlainSteps(_ generatorLoss: GAN.GeneratorLoss, discriminatorSteps k: Int) {
        let images = images(), order = [20, 3, 8, 0, 15, 5, 1, 7, 12, 2, 6, 4, 19, 11, 9, 10, 13, 14, 16, 17, 18]
        var first = RandomGenerator(seed: 82), second = RandomGenerator(seed: 82)
        let reference = GAN.Trainer(gan: GAN(configuration(generatorLoss, discriminatorSteps: k), random: &first), learningRate: 0.01)
        let parallel = GAN.Trainer(gan: GAN(configuration(generatorLoss, discriminatorSteps: k), random: &second), learningRate: 0.01)
        let initial = parallel.gan.parameters.map(\.value.array)
        let iteration = GAN.Trainer.FeatureParallelIteration(trainer: parallel, images: images, batchSize: 7)
        iteration.order = order

        let batch = Tensor(shape: [0]), codes = Tensor(shape: [7, 5])
        var fake = Tensor(shape: [0])
        for step in 0..<k {
            let seeds = (UInt64(83 + 2 * step), UInt64(84 + 2 * step))
            batch.gatherRows(of: images, at: order[(7 * step)..<(7 * step + 7)])
            var firstHalf = RandomGenerator(seed: seeds.0), secondHalf = RandomGenerator(seed: seeds.1)
            firstHalf.fillNormal(UnsafeMutableBufferPointer(start: codes.data, count: 3 * 5))
            secondHalf.fillNormal(UnsafeMutableBufferPointer(start: codes.data + 3 * 5, count: 4 * 5))
            let expected = reference.discriminatorStep(real: batch, codes: codes)
            fake = expected.fake

            let result = iteration.discriminatorStep(first: 7 * step, seeds: seeds)
            #expect(abs(result.costSum / 7 - expected.cost) < 1e-5)
            #expect(abs(result.realScoreSum / 7 - expected.realScore) < 1e-6)
            #expect(abs(result.fakeScoreSum / 7 - expected.fakeScore) < 1e-6)
        }
        let expectedLoss = reference.generatorStep(fake: fake)
        #expect(abs(iteration.generatorStep() - expectedLoss) < 1e-5)

        // G's gradients are those of its one step in both trainers (the plain generator step
        // also overwrites D's, which its optimizer does not use).
        for (mine, expected) in zip(parallel.gan.generator.parameters, reference.gan.generator.parameters) {
            let scale = expected.gradient.array.map(abs).max()!
            for j in 0..<mine.gradient.count {
                #expect(abs(mine.gradient[j] - expected.gradient[j]) <= 1e-5 * scale, "\(mine.name) gradient[\(j)]")
            }
        }
        for (index, (mine, expected)) in zip(parallel.gan.parameters, reference.gan.parameters).enumerated() {
            for j in 0..<mine.value.count where abs(mine.gradient[j]) > 1e-6 {
                // Adam divides by |gradient| + 1e-8, which magnifies rounding in gradients near 0.
                #expect(abs(mine.value[j] - expected.value[j]) < 1e-5, "\(mine.name)[\(j)]")
            }
            #expect(zip(mine.value.array, initial[index]).contains { abs($0 - $1) > 0.009 }, "\(mine.name) did not move")
        }
    }

    /// Run one part after the other on one thread, as `Parallel` does when its helper is
    /// busy, iterations give the same bits as run at once on two threads.
    @Test func iterationGivesTheSameBitsInTurnAsAtOnce() {
        let images = images()
        let trainers = (0..<2).map { _ in
            var random = RandomGenerator(seed: 85)
            return GAN.Trainer(gan: GAN(configuration(.nonSaturating, discriminatorSteps: 1), random: &random), learningRate: 0.01)
        }
        var records: [[Double]] = [[], []]
        for (index, trainer) in trainers.enumerated() {
            let iteration = GAN.Trainer.FeatureParallelIteration(trainer: trainer, images: images, batchSize: 7)
            iteration.order = Array((0..<21).reversed())
            for (first, seed) in [(0, UInt64(86)), (7, 88), (14, 90)] {
                let run = {
                    let result = iteration.discriminatorStep(first: first, seeds: (seed, seed + 1))
                    records[index] += [result.costSum, result.realScoreSum, result.fakeScoreSum, iteration.generatorStep()]
                }
                if index == 0 {
                    run()
                } else {
                    // A call from inside a part runs both of its parts on the calling thread.
                    Parallel.run { part in if part == 0 { run() } }
                }
            }
        }
        #expect(records[0] == records[1])
        for (a, b) in zip(trainers[0].gan.parameters, trainers[1].gan.parameters) { #expect(a.value == b.value, "\(a.name)") }
    }
}
