import Tensors

extension VAE {
    /// The two terms of the loss (the negative ELBO) for one batch, summed over its images.
    public struct Loss: Sendable, Equatable {
        /// The distance between the decoder's output and the encoder's input.
        public var reconstruction: Double
        /// The KL divergence of the code distributions from N(0, I) (unweighted).
        public var kl: Double
        /// reconstruction + β · kl.
        public var total: Double
    }

    /// Reusable buffers for a training or evaluation pass, sized on first use.
    final class Workspace {
        let noise = Tensor(shape: [0]), standardDeviation = Tensor(shape: [0]), codes = Tensor(shape: [0])
        let logitsGradient = Tensor(shape: [0]), images = Tensor(shape: [0])
        let meanGradient = Tensor(shape: [0]), logVarianceGradient = Tensor(shape: [0])
        let hiddenGradient = Tensor(shape: [0])
    }

    // ANCHOR: loss
    /// Runs a batch forward and, with `backward`, writes every parameter's gradient.
    ///
    /// loss = reconstruction(decoder(z), x) + β · KL(N(μ, σ²) ‖ N(0, I)), z = μ + σ·ε.
    func pass(_ images: Tensor, workspace w: Workspace, generator: inout RandomGenerator, backward: Bool) -> Loss {
        let (mean, logVariance) = encode(images)
        guard configuration.variational else { return autoencoderPass(images, mean: mean, workspace: w, backward: backward) }
        reparameterize(mean: mean, logVariance: logVariance, noise: w.noise, standardDeviation: w.standardDeviation,
                       codes: w.codes, generator: &generator)
        let logits = decodeLogits(w.codes)
        let reconstruction = reconstructionLoss(logits: logits, images: images, workspace: w, backward: backward)
        let beta = configuration.klWeight
        let kl = GaussianKLDivergence.loss(
            mean: mean, logVariance: logVariance,
            meanGradient: backward ? w.meanGradient : nil, logVarianceGradient: backward ? w.logVarianceGradient : nil
        )
        if backward {
            if beta != 1 {
                w.meanGradient.scale(by: beta)
                w.logVarianceGradient.scale(by: beta)
            }
            backpropagate(workspace: w)
        }
        return Loss(reconstruction: reconstruction, kl: kl, total: reconstruction + Double(beta) * kl)
    }
    // ANCHOR_END: loss

    /// A plain autoencoder's pass: the code is the mean, and the loss is reconstruction only.
    private func autoencoderPass(_ images: Tensor, mean: Tensor, workspace w: Workspace, backward: Bool) -> Loss {
        let logits = decodeLogits(mean)
        let reconstruction = reconstructionLoss(logits: logits, images: images, workspace: w, backward: backward)
        if backward {
            let codesGradient = fc3.backward(decoderActivation.backward(fc4.backward(w.logitsGradient)))
            w.logVarianceGradient.resize(to: codesGradient.shape)
            w.logVarianceGradient.fill(0)
            Tensor.add(fc21.backward(codesGradient), fc22.backward(w.logVarianceGradient), into: w.hiddenGradient)
            _ = fc1.backward(encoderActivation.backward(w.hiddenGradient))
        }
        return Loss(reconstruction: reconstruction, kl: 0, total: reconstruction)
    }

    /// The reconstruction term summed over the batch, and its gradient with respect to the logits.
    private func reconstructionLoss(logits: Tensor, images: Tensor, workspace w: Workspace, backward: Bool) -> Double {
        switch configuration.reconstruction {
        case .binaryCrossEntropy:
            return BinaryCrossEntropy.withLogits(logits, targets: images, reduction: .sum, gradient: backward ? w.logitsGradient : nil)
        case .squaredError:
            logits.sigmoid(into: w.images)
            let loss = MeanSquaredError.loss(w.images, targets: images, reduction: .sum, gradient: backward ? w.logitsGradient : nil)
            if backward {
                // Through the sigmoid: dL/dlogit = dL/dp · p(1 − p).
                Tensor.apply(w.logitsGradient, w.images, into: w.logitsGradient) { g, p in g * p * (1 - p) }
            }
            return loss
        }
    }

    /// Back from the logits' gradient to every parameter, through z = μ + σ·ε.
    private func backpropagate(workspace w: Workspace) {
        let decoderHidden = decoderActivation.backward(fc4.backward(w.logitsGradient))
        let codesGradient = fc3.backward(decoderHidden)  // dL/dz, [batch, latent]
        // dz/dμ = 1 and dz/d(log σ²) = ½σε.
        w.meanGradient.add(codesGradient)
        w.noise.multiply(by: w.standardDeviation)
        w.noise.multiply(by: codesGradient)
        w.noise.scale(by: 0.5)
        w.logVarianceGradient.add(w.noise)
        // Both heads read the same hidden layer, so their input gradients add.
        Tensor.add(fc21.backward(w.meanGradient), fc22.backward(w.logVarianceGradient), into: w.hiddenGradient)
        _ = fc1.backward(encoderActivation.backward(w.hiddenGradient))
    }
}
