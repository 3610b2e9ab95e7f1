import Tensors

/// The least time a training epoch can take: its matrix products at raw OpenBLAS's one-core
/// speed at their shapes, split evenly over the cores as training splits each layer's
/// features. Everything else an epoch does (activations, losses, Adam, the gather) is on top.
enum SgemmBound {
    /// One epoch of the reference VAE: encoder 784→400→(20, 20), decoder 20→400→784, each
    /// step's forward products, every weight gradient, and every input gradient but the image's.
    static func vaeEpochSeconds(latentSize: Int = 20, batch: Int = 128, images: Int = 60_000) -> Double {
        let layers = [(784, 400), (400, latentSize), (400, latentSize), (latentSize, 400), (400, 784)]
        var shapes: [SgemmBenchmark.Shape] = []
        for (index, (input, output)) in layers.enumerated() {
            shapes += [SgemmBenchmark.forward(input, output, batch: batch), SgemmBenchmark.weightGradient(input, output, batch: batch)]
            if index > 0 { shapes.append(SgemmBenchmark.inputGradient(input, output, batch: batch)) }
        }
        return epochSeconds(stepShapes: shapes, steps: Double(images) / Double(batch))
    }

    /// One epoch of the course's GAN with one discriminator step per generator step, on the
    /// one core it trains on: G
    /// forward on a batch of codes; D forward, weight and input gradients on the real batch
    /// stacked with the fake one; then D forward and every input gradient on the fake batch
    /// alone, for G's weight and input gradients.
    static func ganEpochSeconds(batch: Int = 64, images: Int = 60_000) -> Double {
        let generator = [(64, 256), (256, 512), (512, 784)], discriminator = [(784, 512), (512, 256), (256, 1)]
        var shapes: [SgemmBenchmark.Shape] = []
        shapes += generator.map { SgemmBenchmark.forward($0.0, $0.1, batch: batch) }
        shapes += discriminator.map { SgemmBenchmark.forward($0.0, $0.1, batch: 2 * batch) }
        shapes += discriminator.map { SgemmBenchmark.weightGradient($0.0, $0.1, batch: 2 * batch) }
        shapes += discriminator.dropFirst().map { SgemmBenchmark.inputGradient($0.0, $0.1, batch: 2 * batch) }
        shapes += discriminator.map { SgemmBenchmark.forward($0.0, $0.1, batch: batch) }
        shapes += discriminator.map { SgemmBenchmark.inputGradient($0.0, $0.1, batch: batch) }
        shapes += generator.map { SgemmBenchmark.weightGradient($0.0, $0.1, batch: batch) }
        shapes += generator.dropFirst().map { SgemmBenchmark.inputGradient($0.0, $0.1, batch: batch) }
        return epochSeconds(stepShapes: shapes, steps: Double(images) / Double(batch), cores: 1)
    }

    private static func epochSeconds(stepShapes: [SgemmBenchmark.Shape], steps: Double, cores: Int = Parallel.parts) -> Double {
        stepShapes.map(SgemmBenchmark.rawSecondsPerCall).reduce(0, +) * steps / Double(cores)
    }
}
