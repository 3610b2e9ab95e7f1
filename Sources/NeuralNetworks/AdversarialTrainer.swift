import Tensors

/// Two networks that play the adversarial game: a generator and a discriminator that ends in
/// one logit, and the rule the generator trains by.
public protocol AdversarialPair: AnyObject {
    /// G: codes or noise [batch, codeSize] → samples [batch, sampleSize].
    var generator: Sequential { get }
    /// D: samples [batch, sampleSize] → one logit each; D(x) = σ(logit).
    var discriminator: Sequential { get }
    /// How the generator is trained against the discriminator.
    var generatorLoss: GAN.GeneratorLoss { get }
}

/// Optimizers and buffers for training a GAN, kept between calls so training can resume: one
/// implementation of the game's two steps for every GAN of the library.
public final class AdversarialTrainer<Pair: AdversarialPair> {
    public let gan: Pair
    public let generatorOptimizer: Adam, discriminatorOptimizer: Adam
    // Internal, not private: the steps that use them stand where lesson 4 shows them, in GAN+Training.swift.
    let stacked = Tensor(shape: [0]), targets = Tensor(shape: [0])
    let logitGradient = Tensor(shape: [0]), scores = Tensor(shape: [0])

    /// Adam for both players with the reference's settings: lr 2e-4, β = (0.5, 0.999).
    public init(gan: Pair, learningRate: Float = 2e-4) {
        self.gan = gan
        generatorOptimizer = Adam(parameters: gan.generator.parameters, learningRate: learningRate, beta1: 0.5)
        discriminatorOptimizer = Adam(parameters: gan.discriminator.parameters, learningRate: learningRate, beta1: 0.5)
    }
}
