import Datasets
import NeuralNetworks
import Tensors

/// The course's MLP GAN (batch 64, Adam 2e-4, β₁ 0.5, non-saturating G loss) on 60,000
/// Fashion-MNIST images, reporting what `shared/reference/torch_gan.py` reports plus the
/// Fréchet distance of 10,000 samples after each epoch. The reference has the same layer
/// sizes, without the course's batch normalisation, tanh output and averaged generator.
enum GANBenchmark {
    struct Epoch: TrainedEpoch {
        let epoch: Int
        let trainSeconds: Double
        let discriminatorLoss: Double
        let generatorLoss: Double
        let frechetDistance: Double
    }

    typealias Result = ModelBenchmarkResult<Epoch>

    /// Trains for `epochs`, measuring with `meter` (a new one when nil, trained from `seed` too).
    static func run(epochs: Int, seed: UInt64, samplesPath: String?, meter: FrechetMeter? = nil) throws -> Result {
        let data = try MNISTFolder().load()
        let train = data.train.imageTensor()
        var random = RandomGenerator(seed: seed)
        let meter = try meter ?? FrechetMeter(data: data, random: &random)

        let trainer = GAN.Trainer(gan: GAN(random: &random))
        var results: [Epoch] = []
        for epoch in 1...epochs {
            let history = try trainer.train(on: train, epochs: 1, random: &random)
            let samples = trainer.gan.sample(count: 10_000, random: &random)
            results.append(Epoch(
                epoch: epoch, trainSeconds: rounded(history.epochSeconds[0], 4),
                discriminatorLoss: rounded(history.epochMeans(\.discriminatorLoss)[0], 4),
                generatorLoss: rounded(history.epochMeans(\.generatorLoss)[0], 4),
                frechetDistance: rounded(meter.distance(of: samples), 5)
            ))
        }
        if let samplesPath {
            let samples = trainer.gan.sample(count: 10_000, random: &random)
            let bytes = samples.array.map { UInt8(($0 * 255).rounded().clamped(to: 0...255)) }
            try IDXFile(dimensions: [10_000, 28, 28], payload: bytes).write(to: samplesPath, compressed: false)
        }
        return Result(
            model: "GAN G 64-256(BN)-512(BN)-784 tanh, averaged for sampling, D 784-512-256-1, Adam 2e-4 (0.5, 0.999), batch 64, Fashion-MNIST",
            classifierTestAccuracy: rounded(meter.classifierTestAccuracy, 4), epochs: results)
    }
}

extension Comparable {
    func clamped(to range: ClosedRange<Self>) -> Self { min(max(self, range.lowerBound), range.upperBound) }
}
