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

extension PointGAN {
    /// Optimizers and buffers for training, kept between calls so training can resume (the
    /// course's step trains in stretches, drawing the plane between them).
    public final class Trainer {
        public let gan: PointGAN
        public let generatorOptimizer: Adam, discriminatorOptimizer: Adam
        private let realBatch = Tensor(shape: [0]), stacked = Tensor(shape: [0]), targets = Tensor(shape: [0])
        private let logitGradient = Tensor(shape: [0]), scores = Tensor(shape: [0])

        /// Adam for both players, with β₁ = 0.5 as in the image GAN.
        public init(gan: PointGAN, learningRate: Float) {
            self.gan = gan
            generatorOptimizer = Adam(parameters: gan.generator.parameters, learningRate: learningRate, beta1: 0.5)
            discriminatorOptimizer = Adam(parameters: gan.discriminator.parameters, learningRate: learningRate, beta1: 0.5)
        }

        // ANCHOR: point-gan-step
        /// One round of the game: k discriminator steps, each ascending C(D, G) on its own
        /// batch of real points and as many generated ones, then one generator step on fresh
        /// noise. Returns the cost and D's mean scores (averaged over the k steps) and the
        /// generator's loss.
        public func step(real points: Tensor, batchSize: Int, random: inout RandomGenerator) -> GAN.StepRecord {
            let n = batchSize, k = max(gan.configuration.discriminatorSteps, 1)
            var record = GAN.StepRecord(cost: 0, discriminatorLoss: 0, generatorLoss: 0, meanRealScore: 0, meanFakeScore: 0)
            for _ in 0..<k {
                realBatch.gatherRows(of: points, at: (0..<n).map { _ in random.nextInt(below: points.rows) })  // [n, 2]
                let noise = Tensor.normal(shape: [n, gan.configuration.noiseSize], generator: &random)
                let result = discriminatorGradient(real: realBatch, noise: noise)
                discriminatorOptimizer.step()
                record.cost += result.cost / Double(k)
                record.meanRealScore += result.realScore / Double(k)
                record.meanFakeScore += result.fakeScore / Double(k)
            }
            record.discriminatorLoss = -record.cost
            record.generatorLoss = generatorGradient(noise: Tensor.normal(shape: [n, gan.configuration.noiseSize], generator: &random))
            generatorOptimizer.step()
            return record
        }

        /// The gradient of D's loss −C(D, G) on a batch of real points [n, 2] and the points G
        /// makes from `noise` [n, noiseSize], left in D's parameters; returns C and the mean scores.
        func discriminatorGradient(real: Tensor, noise: Tensor) -> (cost: Double, realScore: Double, fakeScore: Double) {
            let n = real.rows
            let fake = gan.generator.forward(noise)  // [n, 2]
            stacked.resize(rows: 2 * n, columns: 2)
            stacked.setRows(startingAt: 0, from: real)
            stacked.setRows(startingAt: n, from: fake)
            targets.resize(rows: 2 * n, columns: 1)
            for i in 0..<(2 * n) { targets[i] = i < n ? 1 : 0 }
            let logits = gan.discriminator.forward(stacked)  // [2n, 1]
            // −C(D, G) is the binary cross-entropy against 1 for real and 0 for generated;
            // each half is a mean over n points, so the stacked sum is divided by n.
            let loss = BinaryCrossEntropy.withLogits(logits, targets: targets, reduction: .sum, gradient: logitGradient)
            logitGradient.scale(by: 1 / Float(n))
            logits.sigmoid(into: scores)
            let realScore = (0..<n).reduce(0.0) { $0 + Double(scores[$1]) } / Double(n)
            let fakeScore = (n..<(2 * n)).reduce(0.0) { $0 + Double(scores[$1]) } / Double(n)
            // D's input is data: no gradient is needed there.
            (gan.discriminator.layers[0] as! Linear).propagatesGradient = false
            _ = gan.discriminator.backward(logitGradient)
            return (-loss / Double(n), realScore, fakeScore)
        }

        /// The gradient of G's loss on the points it makes from `noise` [n, noiseSize], under
        /// the configured rule, left in G's parameters (D's are overwritten too, but its
        /// optimizer takes no step); returns the loss.
        func generatorGradient(noise: Tensor) -> Double {
            let n = noise.rows
            let logits = gan.discriminator.forward(gan.generator.forward(noise))  // [n, 1]
            targets.resize(rows: n, columns: 1)
            let loss: Double
            switch gan.configuration.generatorLoss {
            case .nonSaturating:
                // −mean log D(G(z)): binary cross-entropy against the label "real".
                targets.fill(1)
                loss = BinaryCrossEntropy.withLogits(logits, targets: targets, reduction: .sum, gradient: logitGradient) / Double(n)
                logitGradient.scale(by: 1 / Float(n))
            case .saturating:
                // mean log(1 − D(G(z))) = −BCE against the label "synthetic"; descend it.
                targets.fill(0)
                loss = -BinaryCrossEntropy.withLogits(logits, targets: targets, reduction: .sum, gradient: logitGradient) / Double(n)
                logitGradient.scale(by: -1 / Float(n))
            }
            (gan.discriminator.layers[0] as! Linear).propagatesGradient = true
            _ = gan.generator.backward(gan.discriminator.backward(logitGradient))
            return loss
        }
        // ANCHOR_END: point-gan-step
    }
}
