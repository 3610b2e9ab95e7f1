import Testing
import Tensors
@testable import NeuralNetworks

/// The VAE's training step with each layer's output features split between two cores.
@Suite struct FeatureParallelStepTests {
    /// Uneven sizes, so that the two parts own different numbers of features.
    func configuration(_ reconstruction: VAE.Reconstruction, variational: Bool) -> VAE.Configuration {
        .init(inputSize: 30, hiddenSize: 20, latentSize: 3, reconstruction: reconstruction, klWeight: 0.7, variational: variational)
    }

    func images(count: Int, size: Int) -> Tensor {
        var generator = RandomGenerator(seed: 61)
        return Tensor.uniform(shape: [count, size], generator: &generator)
    }

    /// One step moves every parameter as Adam does from the gradients of two ordinary passes,
    /// one over each half of the batch with that half's noise, summed.
    @Test(arguments: [VAE.Reconstruction.binaryCrossEntropy, .squaredError], [true, false])
    func stepMatchesPassesOverTheBatchHalves(_ reconstruction: VAE.Reconstruction, variational: Bool) {
        let images = images(count: 9, size: 30), order = [3, 8, 0, 5, 1, 7, 2, 6, 4]
        var first = RandomGenerator(seed: 62), second = RandomGenerator(seed: 62)
        let reference = VAE(configuration(reconstruction, variational: variational), generator: &first)
        let parallel = VAE(configuration(reconstruction, variational: variational), generator: &second)
        let initial = parallel.parameters.map(\.value.array)

        let workspace = VAE.Workspace(), batch = Tensor(shape: [0])
        var referenceLoss = 0.0
        var summed: [[Float]] = reference.parameters.map { [Float](repeating: 0, count: $0.value.count) }
        for (rows, seed) in [(0..<5, UInt64(63)), (5..<9, 64)] {
            batch.gatherRows(of: images, at: order[rows])
            var noise = RandomGenerator(seed: seed)
            referenceLoss += reference.pass(batch, workspace: workspace, generator: &noise, backward: true).total
            for (i, parameter) in reference.parameters.enumerated() {
                for j in summed[i].indices { summed[i][j] += parameter.gradient[j] }
            }
        }
        for (parameter, gradient) in zip(reference.parameters, summed) {
            for j in gradient.indices { parameter.gradient[j] = gradient[j] }
        }
        Adam(parameters: reference.parameters, learningRate: 0.01).step()

        let step = VAE.FeatureParallelStep(vae: parallel, optimizer: Adam(parameters: parallel.parameters, learningRate: 0.01), images: images)
        step.order = order
        let loss = step.step(batch: 0..<9, seeds: (63, 64))

        #expect(abs(loss.total - referenceLoss) < 1e-4 * abs(referenceLoss))
        for (index, (mine, expected)) in zip(parallel.parameters, reference.parameters).enumerated() {
            let name = mine.name
            for j in 0..<mine.value.count {
                #expect(abs(mine.value[j] - expected.value[j]) < 1e-5, "\(name)[\(j)]")
            }
            // The autoencoder's log-variance head takes no part in the loss, so stays put.
            if variational || !name.hasPrefix("fc22") {
                #expect(zip(mine.value.array, initial[index]).contains { abs($0 - $1) > 0.009 }, "\(name) did not move")
            }
        }
    }

    /// Run one part after the other on one thread, as `Parallel` does when its helper is
    /// busy, steps give the same bits as run at once on two threads.
    @Test func stepGivesTheSameBitsInTurnAsAtOnce() {
        let images = images(count: 11, size: 30)
        var first = RandomGenerator(seed: 65), second = RandomGenerator(seed: 65)
        let atOnce = VAE(configuration(.binaryCrossEntropy, variational: true), generator: &first)
        let inTurn = VAE(configuration(.binaryCrossEntropy, variational: true), generator: &second)
        var losses: [[Double]] = [[], []]
        for (index, vae) in [atOnce, inTurn].enumerated() {
            let step = VAE.FeatureParallelStep(vae: vae, optimizer: Adam(parameters: vae.parameters, learningRate: 0.01), images: images)
            step.order = Array((0..<11).reversed())
            for (batch, seed) in [(0..<8, UInt64(66)), (8..<11, 68), (0..<8, 70)] {
                let run = { losses[index].append(step.step(batch: batch, seeds: (seed, seed + 1)).total) }
                if index == 0 {
                    run()
                } else {
                    // A call from inside a part runs both of its parts on the calling thread.
                    Parallel.run { part in if part == 0 { run() } }
                }
            }
        }
        #expect(losses[0] == losses[1])
        for (a, b) in zip(atOnce.parameters, inTurn.parameters) { #expect(a.value == b.value, "\(a.name)") }
    }
}
