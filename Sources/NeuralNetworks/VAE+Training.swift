import Outputs
import Tensors

extension VAE {
    /// Per-epoch results of training, per image.
    public struct History: Sendable, Equatable {
        /// Mean reconstruction term per training image, one value per epoch.
        public var reconstruction: [Double] = []
        /// Mean KL term per training image, one value per epoch.
        public var kl: [Double] = []
        /// Seconds each epoch took.
        public var epochSeconds: [Double] = []

        public init(reconstruction: [Double] = [], kl: [Double] = [], epochSeconds: [Double] = []) {
            self.reconstruction = reconstruction
            self.kl = kl
            self.epochSeconds = epochSeconds
        }
    }

    /// Trains on `images` ([count, 784] in [0, 1]) with Adam, whose parameters must be this
    /// VAE's, reshuffling each epoch.
    ///
    /// Batches follow PyTorch's DataLoader: the last one of an epoch is smaller when the batch
    /// size does not divide the count. Every step's loss is summed over the batch, as in the
    /// reference. Throws ``TrainingError/diverged(epoch:step:loss:learningRate:)`` on a NaN
    /// loss (the step that met it has already updated the weights, so they are lost too), and
    /// whatever `progress` throws.
    @discardableResult
    public func train(
        on images: Tensor, epochs: Int, batchSize: Int = 128, optimizer: Adam,
        generator: inout RandomGenerator, progress: ProgressHandler? = nil
    ) throws -> History {
        precondition(images.columns == configuration.inputSize, "VAE input size \(configuration.inputSize), images \(images.shape)")
        precondition(epochs >= 0 && batchSize > 0, "epochs \(epochs), batch size \(batchSize)")
        let count = images.rows
        let stepsPerEpoch = (count + batchSize - 1) / batchSize
        let parallelStep = FeatureParallelStep(vae: self, optimizer: optimizer, images: images)
        var history = History()
        let clock = ContinuousClock(), start = clock.now
        for epoch in stride(from: 1, through: epochs, by: 1) {
            let epochStart = clock.now
            parallelStep.order = generator.permutation(count)
            var reconstruction = 0.0, kl = 0.0, seen = 0
            for step in 1...stepsPerEpoch {
                let first = (step - 1) * batchSize, last = min(first + batchSize, count)
                // Each half of the batch draws its noise from its own generator, seeded from the main stream.
                let loss = parallelStep.step(batch: first..<last, seeds: (generator.next(), generator.next()))
                guard loss.total.isFinite else {
                    throw TrainingError.diverged(epoch: epoch, step: step, loss: "VAE loss", learningRate: optimizer.learningRate)
                }
                reconstruction += loss.reconstruction
                kl += loss.kl
                seen += last - first
                if let progress {
                    let elapsed = seconds(clock.now - start)
                    try progress(TrainingProgress(
                        epoch: epoch, epochs: epochs, step: step, stepsPerEpoch: stepsPerEpoch,
                        metrics: [.init("reconstruction", reconstruction / Double(seen)), .init("KL", kl / Double(seen))],
                        samplesPerSecond: Double((epoch - 1) * count + seen) / max(elapsed, 1e-9), elapsedSeconds: elapsed
                    ))
                }
            }
            history.reconstruction.append(reconstruction / Double(count))
            history.kl.append(kl / Double(count))
            history.epochSeconds.append(seconds(clock.now - epochStart))
        }
        return history
    }

    /// The loss per image on `images`, with z sampled as in training (the negative ELBO
    /// estimate the reference reports), evaluated in batches of 1,000.
    public func evaluate(on images: Tensor, generator: inout RandomGenerator) -> Loss {
        let workspace = Workspace(), batch = Tensor(shape: [0])
        var total = Loss(reconstruction: 0, kl: 0, total: 0)
        for first in stride(from: 0, to: images.rows, by: 1000) {
            batch.gatherRows(of: images, at: first..<min(first + 1000, images.rows))
            let loss = pass(batch, workspace: workspace, generator: &generator, backward: false)
            total.reconstruction += loss.reconstruction
            total.kl += loss.kl
            total.total += loss.total
        }
        let n = Double(max(images.rows, 1))
        return Loss(reconstruction: total.reconstruction / n, kl: total.kl / n, total: total.total / n)
    }
}

/// A duration in seconds.
func seconds(_ duration: Duration) -> Double {
    let (whole, attoseconds) = duration.components
    return Double(whole) + Double(attoseconds) * 1e-18
}
