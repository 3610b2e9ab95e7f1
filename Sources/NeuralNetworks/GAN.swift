import Tensors

/// A generative adversarial network: a generator G that decodes random codes z into images,
/// and a discriminator D that classifies an image as real (1) or synthetic (0).
///
/// The architecture is the course's reference MLP GAN: G: z(64) → 256 → 512 → 784 with
/// LeakyReLU(0.2) and a sigmoid output; D: 784 → 512 → 256 → 1 logit with LeakyReLU(0.2);
/// D(x) = σ(logit).
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
    /// The generator G: codes [batch, codeSize] → images [batch, imageSize] in (0, 1).
    public let generator: Sequential
    /// The discriminator D: images → one logit each; D(x) = σ(logit).
    public let discriminator: Sequential

    /// Creates a GAN with PyTorch's default initialisation, drawing from `random`.
    public init(_ configuration: Configuration = Configuration(), random: inout RandomGenerator) {
        self.configuration = configuration
        generator = Sequential([
            Linear(configuration.codeSize, 256, name: "generator.0", generator: &random), LeakyReLU(slope: 0.2),
            Linear(256, 512, name: "generator.2", generator: &random), LeakyReLU(slope: 0.2),
            Linear(512, configuration.imageSize, name: "generator.4", generator: &random), Sigmoid(),
        ])
        discriminator = Sequential([
            Linear(configuration.imageSize, 512, name: "discriminator.0", generator: &random), LeakyReLU(slope: 0.2),
            Linear(512, 256, name: "discriminator.2", generator: &random), LeakyReLU(slope: 0.2),
            Linear(256, 1, name: "discriminator.4", generator: &random),
        ])
        (generator.layers[0] as! Linear).propagatesGradient = false
    }

    init(configuration: Configuration, generator: Sequential, discriminator: Sequential) {
        self.configuration = configuration
        self.generator = generator
        self.discriminator = discriminator
    }

    /// Every trainable parameter, generator first.
    public var parameters: [Parameter] { generator.parameters + discriminator.parameters }

    /// `count` images generated from fresh codes z ~ N(0, I), as a new tensor.
    ///
    /// Codes are drawn all at once and decoded 1,000 at a time, so the layers' buffers stay small.
    public func sample(count: Int, random: inout RandomGenerator) -> Tensor {
        let codes = Tensor.normal(shape: [count, configuration.codeSize], generator: &random)
        let images = Tensor(shape: [count, configuration.imageSize]), batch = Tensor(shape: [0])
        for first in stride(from: 0, to: count, by: 1000) {
            batch.gatherRows(of: codes, at: first..<min(first + 1000, count))
            images.setRows(startingAt: first, from: generator.forward(batch))
        }
        return images
    }

    /// D(x) for each image: the discriminator's probability that it is real.
    public func discriminate(_ images: Tensor) -> Tensor {
        let probabilities = Tensor(shape: [0])
        discriminator.forward(images).sigmoid(into: probabilities)
        return probabilities
    }
}
