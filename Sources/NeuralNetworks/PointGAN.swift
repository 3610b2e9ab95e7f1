import Tensors

/// A GAN on points in the plane: small enough to train in a second, and to watch, as the
/// discriminator's verdict D(x) can be drawn at every point of the plane.
///
/// G: noise(noiseSize) → hidden → hidden → 2 with LeakyReLU(0.2) and a linear output (points
/// are not bounded like pixels); D: 2 → hidden → hidden → 1 logit with LeakyReLU(0.2);
/// D(x) = σ(logit). It plays the same game as ``GAN``, with the same cost C(D, G) and the same
/// two generator losses, but it is its own small class: ``GAN`` is built for images (its
/// sizes, its sigmoid output, its two-core training iteration), and a 128-wide network gains
/// nothing from splitting its features between cores.
public final class PointGAN {
    /// The sizes and training rule of a point GAN.
    public struct Configuration: Sendable, Equatable {
        /// The size of the noise z that G maps to a point.
        public var noiseSize: Int
        /// The width of both hidden layers of both players.
        public var hiddenSize: Int
        public var generatorLoss: GAN.GeneratorLoss
        /// Discriminator steps per generator step (k).
        public var discriminatorSteps: Int

        public init(noiseSize: Int = 2, hiddenSize: Int = 128, generatorLoss: GAN.GeneratorLoss = .nonSaturating, discriminatorSteps: Int = 1) {
            self.noiseSize = noiseSize
            self.hiddenSize = hiddenSize
            self.generatorLoss = generatorLoss
            self.discriminatorSteps = discriminatorSteps
        }
    }

    public let configuration: Configuration
    /// The generator G: noise [batch, noiseSize] → points [batch, 2].
    public let generator: Sequential
    /// The discriminator D: points [batch, 2] → one logit each; D(x) = σ(logit).
    public let discriminator: Sequential

    /// Creates a point GAN with PyTorch's default initialisation, drawing from `random`.
    public init(_ configuration: Configuration = Configuration(), random: inout RandomGenerator) {
        self.configuration = configuration
        let hidden = configuration.hiddenSize
        generator = Sequential([
            Linear(configuration.noiseSize, hidden, name: "generator.0", generator: &random), LeakyReLU(slope: 0.2),
            Linear(hidden, hidden, name: "generator.2", generator: &random), LeakyReLU(slope: 0.2),
            Linear(hidden, 2, name: "generator.4", generator: &random),
        ])
        discriminator = Sequential([
            Linear(2, hidden, name: "discriminator.0", generator: &random), LeakyReLU(slope: 0.2),
            Linear(hidden, hidden, name: "discriminator.2", generator: &random), LeakyReLU(slope: 0.2),
            Linear(hidden, 1, name: "discriminator.4", generator: &random),
        ])
        // The noise is drawn, not learned: no gradient is needed there.
        (generator.layers[0] as! Linear).propagatesGradient = false
    }

    /// `count` points generated from fresh noise z ~ N(0, I), as a new tensor [count, 2].
    public func sample(count: Int, random: inout RandomGenerator) -> Tensor {
        let noise = Tensor.normal(shape: [count, configuration.noiseSize], generator: &random)
        return generator.forward(noise).copy()
    }

    /// D(x) for each point of `points` [n, 2]: the discriminator's probability that it is real, [n, 1].
    public func discriminate(_ points: Tensor) -> Tensor {
        let probabilities = Tensor(shape: [0])
        discriminator.forward(points).sigmoid(into: probabilities)
        return probabilities
    }
}

extension PointGAN: AdversarialPair {
    public var generatorLoss: GAN.GeneratorLoss { configuration.generatorLoss }

    /// Trains a point GAN with the image GAN's two steps; the course's step trains it in
    /// stretches, drawing the plane between them.
    public typealias Trainer = AdversarialTrainer<PointGAN>
}

extension AdversarialTrainer where Pair == PointGAN {
    /// One round of the game: k discriminator steps, each ascending C(D, G) on its own
    /// batch of real points and as many generated ones, then one generator step on fresh
    /// noise. Returns the cost and D's mean scores (averaged over the k steps) and the
    /// generator's loss.
    public func step(real points: Tensor, batchSize: Int, random: inout RandomGenerator) -> GAN.StepRecord {
        let n = batchSize, k = max(gan.configuration.discriminatorSteps, 1)
        var record = GAN.StepRecord(cost: 0, discriminatorLoss: 0, generatorLoss: 0, meanRealScore: 0, meanFakeScore: 0)
        let realBatch = Tensor(shape: [0])
        for _ in 0..<k {
            realBatch.gatherRows(of: points, at: (0..<n).map { _ in random.nextInt(below: points.rows) })  // [n, 2]
            let noise = Tensor.normal(shape: [n, gan.configuration.noiseSize], generator: &random)
            let result = discriminatorStep(real: realBatch, codes: noise)
            record.cost += result.cost / Double(k)
            record.meanRealScore += result.realScore / Double(k)
            record.meanFakeScore += result.fakeScore / Double(k)
        }
        record.discriminatorLoss = -record.cost
        // Fresh noise for G: its layers then hold the forward pass its step backpropagates.
        let fake = gan.generator.forward(Tensor.normal(shape: [n, gan.configuration.noiseSize], generator: &random))  // [n, 2]
        record.generatorLoss = generatorStep(fake: fake)
        return record
    }
}

