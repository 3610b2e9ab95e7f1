import Tensors

/// A generative adversarial network: a generator G that decodes random codes z into images,
/// and a discriminator D that classifies an image as real (1) or synthetic (0).
///
/// The architecture is the standard recipe for MLP GANs: G: z(64) → 256 → 512 → 784, each
/// hidden layer batch-normalised (``BatchNorm``) before LeakyReLU(0.2), and a tanh output, so
/// G's images have pixels in [−1, 1]; D: 784 → 512 → 256 → 1 logit with LeakyReLU(0.2),
/// D(x) = σ(logit). Both networks work on pixels in [−1, 1]: real images are rescaled once
/// before training (``scaledForTraining(_:)``), and ``sample(count:random:)`` and
/// ``discriminate(_:)`` speak pixels in [0, 1], as the rest of the course does.
public final class GAN {
    /// How the generator is trained against the discriminator.
    public enum GeneratorLoss: String, Sendable, Codable, CaseIterable {
        /// Minimise log(1 − D(G(z))): the cost C(D, G) exactly; its gradient vanishes when D
        /// confidently rejects the samples, as it does early in training.
        case saturating
        /// Maximise log D(G(z)) instead: the same fixed point, strong gradients early on.
        case nonSaturating
    }

    /// The sizes and training rule of a GAN.
    public struct Configuration: Sendable, Equatable, Codable {
        public var codeSize: Int
        public var imageSize: Int
        public var generatorLoss: GeneratorLoss
        /// Discriminator steps per generator step (k).
        public var discriminatorSteps: Int

        public init(codeSize: Int = 64, imageSize: Int = 784, generatorLoss: GeneratorLoss = .nonSaturating, discriminatorSteps: Int = 1) {
            self.codeSize = codeSize
            self.imageSize = imageSize
            self.generatorLoss = generatorLoss
            self.discriminatorSteps = discriminatorSteps
        }
    }

    public let configuration: Configuration
    /// The generator G: codes [batch, codeSize] → images [batch, imageSize] in (−1, 1).
    public let generator: Sequential
    /// The discriminator D: images in [−1, 1] → one logit each; D(x) = σ(logit).
    public let discriminator: Sequential
    /// G's architecture holding a running average of G's weights over training, the network
    /// ``sample(count:random:)`` and ``generate(from:)`` decode with (see `GAN+Averaging.swift`).
    public let averagedGenerator: Sequential

    /// Creates a GAN with PyTorch's default initialisation, drawing from `random`.
    public init(_ configuration: Configuration = Configuration(), random: inout RandomGenerator) {
        self.configuration = configuration
        generator = Self.generatorNetwork(configuration, name: "generator", random: &random)
        var unused = RandomGenerator(seed: 0)  // overwritten below: the average starts at G's weights
        averagedGenerator = Self.generatorNetwork(configuration, name: "generator_average", random: &unused)
        discriminator = Sequential([
            Linear(configuration.imageSize, 512, name: "discriminator.0", generator: &random), LeakyReLU(slope: 0.2),
            Linear(512, 256, name: "discriminator.2", generator: &random), LeakyReLU(slope: 0.2),
            Linear(256, 1, name: "discriminator.4", generator: &random),
        ])
        (generator.layers[0] as! Linear).propagatesGradient = false
        resetAverage()
    }

    /// G: z → 256 → 512 → image, batch-normalised hidden layers, leaky rectifiers, tanh out.
    private static func generatorNetwork(_ configuration: Configuration, name: String, random: inout RandomGenerator) -> Sequential {
        Sequential([
            Linear(configuration.codeSize, 256, name: "\(name).0", generator: &random), BatchNorm(256, name: "\(name).1"), LeakyReLU(slope: 0.2),
            Linear(256, 512, name: "\(name).3", generator: &random), BatchNorm(512, name: "\(name).4"), LeakyReLU(slope: 0.2),
            Linear(512, configuration.imageSize, name: "\(name).6", generator: &random), Tanh(),
        ])
    }

    /// Every trainable parameter, generator first.
    public var parameters: [Parameter] { generator.parameters + discriminator.parameters }

    /// G's batch normalisation layers.
    public var batchNorms: [BatchNorm] { generator.layers.compactMap { $0 as? BatchNorm } }

    /// What a checkpoint must carry beside the trainable parameters, or a restored GAN would
    /// sample differently: the averaged generator's weights, and the running statistics of
    /// both generators' batch normalisation.
    public var state: [Parameter] {
        averagedGenerator.parameters + (generator.layers + averagedGenerator.layers).compactMap { $0 as? BatchNorm }.flatMap(\.runningStatistics)
    }

    /// Whether G normalises with each batch's statistics (training) or its running ones
    /// (evaluation). Training sets it and leaves G in evaluation mode; the averaged generator,
    /// which samples, is always in evaluation mode.
    public var isTraining: Bool {
        get { batchNorms.first?.isTraining ?? false }
        set { for layer in batchNorms { layer.isTraining = newValue } }
    }

    /// `images` with pixels in [0, 1] mapped to [−1, 1], the range G's tanh output covers:
    /// what D sees of real images.
    public static func scaledForTraining(_ images: Tensor) -> Tensor {
        let scaled = Tensor(shape: [0])
        images.apply(into: scaled) { x in 2 * x - 1 }
        return scaled
    }

    /// `count` images generated from fresh codes z ~ N(0, I), as a new tensor of pixels in [0, 1].
    ///
    /// Codes are drawn all at once and decoded 1,000 at a time, so the layers' buffers stay
    /// small; the averaged generator runs in evaluation mode, so an image does not depend on the
    /// others decoded with it.
    public func sample(count: Int, random: inout RandomGenerator) -> Tensor {
        let codes = Tensor.normal(shape: [count, configuration.codeSize], generator: &random)
        return generate(from: codes)
    }

    /// The averaged generator's images for `codes` [count, codeSize], in evaluation mode, as
    /// pixels in [0, 1].
    public func generate(from codes: Tensor) -> Tensor {
        let count = codes.rows
        let images = Tensor(shape: [count, configuration.imageSize]), batch = Tensor(shape: [0])
        for first in stride(from: 0, to: count, by: 1000) {
            batch.gatherRows(of: codes, at: first..<min(first + 1000, count))
            images.setRows(startingAt: first, from: averagedGenerator.forward(batch))
        }
        images.apply(into: images) { x in (x + 1) / 2 }  // tanh's (−1, 1) to pixels in (0, 1)
        return images
    }

    /// D(x) for each image (pixels in [0, 1]): the discriminator's probability that it is real.
    public func discriminate(_ images: Tensor) -> Tensor {
        let probabilities = Tensor(shape: [0])
        discriminator.forward(Self.scaledForTraining(images)).sigmoid(into: probabilities)
        return probabilities
    }
}
