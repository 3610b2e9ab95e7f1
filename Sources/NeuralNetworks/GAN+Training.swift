import Tensors

extension GAN {
    /// What one training step measured, on the batch it trained on.
    public struct StepRecord: Sendable, Equatable {
        /// The cost C(D, G) = mean log D(x) + mean log(1 − D(G(z))), which D ascends.
        public var cost: Double
        /// The discriminator's loss, −C(D, G).
        public var discriminatorLoss: Double
        /// The generator's loss under the configured rule.
        public var generatorLoss: Double
        /// Mean D(x) on the real batch and mean D(G(z)) on the synthetic one.
        public var meanRealScore: Double, meanFakeScore: Double

        public init(cost: Double, discriminatorLoss: Double, generatorLoss: Double, meanRealScore: Double, meanFakeScore: Double) {
            self.cost = cost
            self.discriminatorLoss = discriminatorLoss
            self.generatorLoss = generatorLoss
            self.meanRealScore = meanRealScore
            self.meanFakeScore = meanFakeScore
        }
    }

    /// Every step's record, and the seconds each epoch took.
    public struct History: Sendable, Equatable {
        public var steps: [StepRecord] = []
        public var epochSeconds: [Double] = []
        /// The number of generator steps per epoch.
        public var stepsPerEpoch = 0

        public init(stepsPerEpoch: Int = 0) { self.stepsPerEpoch = stepsPerEpoch }

        /// The mean of a record's field over each epoch.
        public func epochMeans(_ field: KeyPath<StepRecord, Double>) -> [Double] {
            stride(from: 0, to: steps.count, by: max(stepsPerEpoch, 1)).map { start in
                let slice = steps[start..<min(start + stepsPerEpoch, steps.count)]
                return slice.reduce(0) { $0 + $1[keyPath: field] } / Double(slice.count)
            }
        }
    }

    /// Optimizers and buffers for training, kept between calls so training can resume.
    public final class Trainer {
        public let gan: GAN
        public let generatorOptimizer: Adam, discriminatorOptimizer: Adam
        let codes = Tensor(shape: [0]), real = Tensor(shape: [0]), stacked = Tensor(shape: [0])
        let targets = Tensor(shape: [0]), logitGradient = Tensor(shape: [0]), scores = Tensor(shape: [0])

        /// Adam for both players with the reference's settings: lr 2e-4, β = (0.5, 0.999).
        public init(gan: GAN, learningRate: Float = 2e-4) {
            self.gan = gan
            generatorOptimizer = Adam(parameters: gan.generator.parameters, learningRate: learningRate, beta1: 0.5)
            discriminatorOptimizer = Adam(parameters: gan.discriminator.parameters, learningRate: learningRate, beta1: 0.5)
        }
    }
}

extension GAN.Trainer {
    // ANCHOR: discriminator-step
    /// One gradient-ascent step on C(D, G) for D, with G fixed: real images should score 1,
    /// generated ones 0. Real and synthetic batches go through D stacked as one batch, which
    /// gives the same gradient as two passes (D has no batch statistics).
    func discriminatorStep(real batch: Tensor, random: inout RandomGenerator) -> (cost: Double, realScore: Double, fakeScore: Double, fake: Tensor) {
        let n = batch.rows, size = gan.configuration.imageSize
        codes.resize(rows: n, columns: gan.configuration.codeSize)
        codes.fillNormal(generator: &random)
        let fake = gan.generator.forward(codes)
        stacked.resize(rows: 2 * n, columns: size)
        stacked.setRows(startingAt: 0, from: batch)
        stacked.setRows(startingAt: n, from: fake)
        targets.resize(rows: 2 * n, columns: 1)
        for i in 0..<(2 * n) { targets[i] = i < n ? 1 : 0 }
        let logits = gan.discriminator.forward(stacked)
        // Each half's loss is a mean over n, so the stacked sum is scaled by 1/n, not 1/2n.
        let loss = BinaryCrossEntropy.withLogits(logits, targets: targets, reduction: .sum, gradient: logitGradient) / Double(n)
        logitGradient.scale(by: 1 / Float(n))
        logits.sigmoid(into: scores)
        let realScore = (0..<n).reduce(0.0) { $0 + Double(scores[$1]) } / Double(n)
        let fakeScore = (n..<(2 * n)).reduce(0.0) { $0 + Double(scores[$1]) } / Double(n)
        (gan.discriminator.layers[0] as! Linear).propagatesGradient = false
        _ = gan.discriminator.backward(logitGradient)
        discriminatorOptimizer.step()
        return (-loss, realScore, fakeScore, fake)
    }
    // ANCHOR_END: discriminator-step

    // ANCHOR: generator-step
    /// One gradient-descent step for G, with D fixed: the images G made for the last
    /// discriminator step go through the updated D, and only G's parameters move. (G's layers
    /// still hold that forward pass, so it is not recomputed; the reference does the same.)
    func generatorStep(fake: Tensor) -> Double {
        let n = fake.rows
        let logits = gan.discriminator.forward(fake)
        let loss: Double
        switch gan.configuration.generatorLoss {
        case .nonSaturating:
            // −mean log D(G(z)): binary cross-entropy against the label "real".
            targets.resize(rows: n, columns: 1)
            targets.fill(1)
            loss = BinaryCrossEntropy.withLogits(logits, targets: targets, reduction: .mean, gradient: logitGradient)
        case .saturating:
            // mean log(1 − D(G(z))) = −BCE against the label "synthetic"; descend it.
            targets.resize(rows: n, columns: 1)
            targets.fill(0)
            loss = -BinaryCrossEntropy.withLogits(logits, targets: targets, reduction: .mean, gradient: logitGradient)
            logitGradient.scale(by: -1)
        }
        (gan.discriminator.layers[0] as! Linear).propagatesGradient = true
        _ = gan.generator.backward(gan.discriminator.backward(logitGradient))
        generatorOptimizer.step()
        return loss
    }
    // ANCHOR_END: generator-step

    /// Trains for `epochs` passes over `images`, in batches of `batchSize` real images
    /// (dropping the last partial batch, as the reference does). Each iteration takes k
    /// discriminator steps, each on its own real batch, then one generator step.
    @discardableResult
    public func train(
        on images: Tensor, epochs: Int, batchSize: Int = 64,
        random: inout RandomGenerator, progress: ProgressHandler? = nil
    ) throws -> GAN.History {
        precondition(epochs >= 0 && batchSize > 0 && images.rows >= batchSize, "epochs \(epochs), batch \(batchSize), \(images.rows) images")
        let k = max(gan.configuration.discriminatorSteps, 1)
        let batchesPerEpoch = images.rows / batchSize
        let stepsPerEpoch = max(batchesPerEpoch / k, 1)
        var history = GAN.History(stepsPerEpoch: stepsPerEpoch)
        let clock = ContinuousClock(), start = clock.now
        for epoch in stride(from: 1, through: epochs, by: 1) {
            let epochStart = clock.now
            let order = random.permutation(images.rows)
            var sums = GAN.StepRecord(cost: 0, discriminatorLoss: 0, generatorLoss: 0, meanRealScore: 0, meanFakeScore: 0)
            for step in 1...stepsPerEpoch {
                var record = GAN.StepRecord(cost: 0, discriminatorLoss: 0, generatorLoss: 0, meanRealScore: 0, meanFakeScore: 0)
                var fake: Tensor?
                for inner in 0..<k {
                    let first = ((step - 1) * k + inner) * batchSize
                    real.gatherRows(of: images, at: order[first..<(first + batchSize)])
                    let d = discriminatorStep(real: real, random: &random)
                    record.cost += d.cost / Double(k)
                    record.meanRealScore += d.realScore / Double(k)
                    record.meanFakeScore += d.fakeScore / Double(k)
                    fake = d.fake
                }
                record.discriminatorLoss = -record.cost
                record.generatorLoss = generatorStep(fake: fake!)
                guard record.cost.isFinite, record.generatorLoss.isFinite else {
                    throw TrainingError.diverged(epoch: epoch, step: step, loss: "GAN loss", learningRate: generatorOptimizer.learningRate)
                }
                history.steps.append(record)
                sums.discriminatorLoss += record.discriminatorLoss
                sums.generatorLoss += record.generatorLoss
                if let progress {
                    let elapsed = seconds(clock.now - start)
                    let done = Double(((epoch - 1) * stepsPerEpoch + step) * k * batchSize)
                    try progress(TrainingProgress(
                        epoch: epoch, epochs: epochs, step: step, stepsPerEpoch: stepsPerEpoch,
                        metrics: [.init("D loss", sums.discriminatorLoss / Double(step)), .init("G loss", sums.generatorLoss / Double(step))],
                        samplesPerSecond: done / max(elapsed, 1e-9), elapsedSeconds: elapsed
                    ))
                }
            }
            history.epochSeconds.append(seconds(clock.now - epochStart))
        }
        return history
    }

}
