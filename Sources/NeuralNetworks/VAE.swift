import Tensors

/// A variational autoencoder: an encoder that maps an image to the mean and log-variance of
/// a normal distribution over codes, and a decoder that maps a code back to an image.
///
/// The architecture is the classic MLP VAE (784-400-latent for each of mean and log-variance,
/// latent-400-784), with the same layer names as PyTorch's example, so a saved model opens
/// there. The decoder ends in logits; images are their sigmoid.
public final class VAE {
    /// How the decoder's output is compared with the encoder's input.
    public enum Reconstruction: String, Sendable, Codable, CaseIterable {
        /// Binary cross-entropy summed over pixels: the image as Bernoulli probabilities.
        case binaryCrossEntropy
        /// Squared error summed over pixels.
        case squaredError
    }

    /// The shape and loss of a VAE.
    public struct Configuration: Sendable, Equatable, Codable {
        public var inputSize: Int
        public var hiddenSize: Int
        public var latentSize: Int
        public var reconstruction: Reconstruction
        /// The weight β of the KL term (1 is the plain VAE).
        public var klWeight: Float
        /// False for a plain autoencoder: the code is the mean itself, with no sampling and no KL term.
        public var variational: Bool

        public init(inputSize: Int = 784, hiddenSize: Int = 400, latentSize: Int = 20,
                    reconstruction: Reconstruction = .binaryCrossEntropy, klWeight: Float = 1, variational: Bool = true) {
            self.inputSize = inputSize
            self.hiddenSize = hiddenSize
            self.latentSize = latentSize
            self.reconstruction = reconstruction
            self.klWeight = klWeight
            self.variational = variational
        }
    }

    public let configuration: Configuration
    let fc1: Linear, fc21: Linear, fc22: Linear, fc3: Linear, fc4: Linear
    let encoderActivation = ReLU(), decoderActivation = ReLU()
    /// Turns the decoder's logits into pixel probabilities.
    let imageActivation = Sigmoid()

    /// Creates a VAE with PyTorch's default initialisation, drawing from `generator`.
    public init(_ configuration: Configuration = Configuration(), generator: inout RandomGenerator) {
        self.configuration = configuration
        let (input, hidden, latent) = (configuration.inputSize, configuration.hiddenSize, configuration.latentSize)
        fc1 = Linear(input, hidden, name: "fc1", generator: &generator)
        fc21 = Linear(hidden, latent, name: "fc21", generator: &generator)
        fc22 = Linear(hidden, latent, name: "fc22", generator: &generator)
        fc3 = Linear(latent, hidden, name: "fc3", generator: &generator)
        fc4 = Linear(hidden, input, name: "fc4", generator: &generator)
        fc1.propagatesGradient = false
    }

    /// Every trainable parameter, encoder first.
    public var parameters: [Parameter] { linearLayers.flatMap(\.parameters) }

    /// The fully connected layers, encoder first.
    var linearLayers: [Linear] { [fc1, fc21, fc22, fc3, fc4] }

    /// The mean and log-variance of each image's code distribution. Returns the layers'
    /// buffers: copy them to keep them past the next call.
    public func encode(_ images: Tensor) -> (mean: Tensor, logVariance: Tensor) {
        let hidden = encoderActivation.forward(fc1.forward(images))  // [batch, 400]
        return (fc21.forward(hidden), fc22.forward(hidden))          // [batch, latent] each
    }

    /// The decoder up to its logits, code first: what training differentiates (the loss takes
    /// logits). ``decode(_:)`` ends it with ``imageActivation``.
    var decoderLayers: [any Layer] { [fc3, decoderActivation, fc4] }

    /// The decoder's logits for codes `z` (a reused buffer).
    func decodeLogits(_ codes: Tensor) -> Tensor {
        decoderLayers.reduce(codes) { $1.forward($0) }  // [batch, 400] then [batch, 784]
    }

    /// The images (pixel probabilities) the decoder makes from codes `z`, as a new tensor.
    public func decode(_ codes: Tensor) -> Tensor {
        imageActivation.forward(decodeLogits(codes)).copy()  // [batch, 784]
    }

    // ANCHOR: reparameterize
    /// Draws codes z = μ + σ·ε with ε ~ N(0, I), writing ε into `noise`, σ into
    /// `standardDeviation` and z into `codes`.
    ///
    /// Sampling this way keeps z a differentiable function of μ and log σ²: the randomness
    /// is all in ε, so gradients flow back into the encoder.
    func reparameterize(mean: Tensor, logVariance: Tensor, noise: Tensor, standardDeviation: Tensor, codes: Tensor,
                        generator: inout RandomGenerator) {
        noise.resize(to: mean.shape)
        noise.fillNormal(generator: &generator)
        logVariance.exp(scaledBy: 0.5, into: standardDeviation)  // σ = e^(½ log σ²)
        Tensor.multiply(standardDeviation, noise, into: codes)
        codes.add(mean)
    }
    // ANCHOR_END: reparameterize
}
