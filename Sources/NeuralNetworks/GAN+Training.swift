import Outputs
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

    /// Trains the image GAN: the adversarial game's two steps, run by `train(on:epochs:…)`.
    ///
    /// Training runs `discriminatorStep(real:codes:)` and `generatorStep(fake:)` as written,
    /// on one core: the VAE's split of every layer's features between two cores is not built
    /// for the GAN's batch normalisation and tanh output, and the course's GAN trains within
    /// its time budget on one core.
    public typealias Trainer = AdversarialTrainer<GAN>
}

extension GAN: AdversarialPair {
    public var generatorLoss: GeneratorLoss { configuration.generatorLoss }
}

extension AdversarialTrainer {
    // ANCHOR: discriminator-step
    /// One step of D: sends a batch of real images, stacked with as many that G generates
    /// from `codes`, through D; backpropagates −C(D, G), the binary cross-entropy against 1
    /// for real and 0 for synthetic; and takes Adam's step. Stacking gives the same gradient
    /// as two passes, as D has no batch statistics (G has, and makes the fake batch on its
    /// own). Returns C, the mean scores on the batch, and the generated images.
    func discriminatorStep(real batch: Tensor, codes: Tensor) -> (cost: Double, realScore: Double, fakeScore: Double, fake: Tensor) {
        let n = batch.rows
        let fake = gan.generator.forward(codes)
        stacked.resize(rows: 2 * n, columns: batch.columns)
        stacked.setRows(startingAt: 0, from: batch)
        stacked.setRows(startingAt: n, from: fake)
        targets.resize(rows: 2 * n, columns: 1)
        for i in 0..<(2 * n) { targets[i] = i < n ? 1 : 0 }
        let logits = gan.discriminator.forward(stacked)
        // Each half's loss is a mean over n images, so the stacked sum is divided by n.
        let loss = BinaryCrossEntropy.withLogits(logits, targets: targets, reduction: .sum, gradient: logitGradient)
        logitGradient.scale(by: 1 / Float(n))
        logits.sigmoid(into: scores)
        let realScore = (0..<n).reduce(0.0) { $0 + Double(scores[$1]) } / Double(n)
        let fakeScore = (n..<(2 * n)).reduce(0.0) { $0 + Double(scores[$1]) } / Double(n)
        // D's input is data: no gradient is needed there.
        (gan.discriminator.layers[0] as! Linear).propagatesGradient = false
        _ = gan.discriminator.backward(logitGradient)
        discriminatorOptimizer.step()
        return (-loss / Double(n), realScore, fakeScore, fake)
    }
    // ANCHOR_END: discriminator-step

    // ANCHOR: generator-step
    /// One step of G: sends the images G made for the last discriminator step through the
    /// updated D, backpropagates the generator's loss through D (held fixed: its optimizer
    /// takes no step) into G, and takes G's Adam step. G's layers still hold that forward
    /// pass, so it is not recomputed; the reference does the same. Returns the loss.
    func generatorStep(fake: Tensor) -> Double {
        let n = fake.rows
        let logits = gan.discriminator.forward(fake)
        targets.resize(rows: n, columns: 1)
        let loss: Double
        switch gan.generatorLoss {
        case .nonSaturating:
            // −mean log D(G(z)): binary cross-entropy against the label "real".
            targets.fill(1)
            loss = BinaryCrossEntropy.withLogits(logits, targets: targets, reduction: .sum, gradient: logitGradient)
            logitGradient.scale(by: 1 / Float(n))
        case .saturating:
            // mean log(1 − D(G(z))) = −BCE against the label "synthetic"; descend it.
            targets.fill(0)
            loss = -BinaryCrossEntropy.withLogits(logits, targets: targets, reduction: .sum, gradient: logitGradient)
            logitGradient.scale(by: -1 / Float(n))
        }
        (gan.discriminator.layers[0] as! Linear).propagatesGradient = true
        _ = gan.generator.backward(gan.discriminator.backward(logitGradient))
        generatorOptimizer.step()
        return loss / Double(n)
    }
    // ANCHOR_END: generator-step
}

extension AdversarialTrainer where Pair == GAN {

    /// Trains for `epochs` passes over `images` (pixels in [0, 1]), in batches of `batchSize`
    /// real images (dropping the last partial batch, as the reference does). Each iteration
    /// takes k discriminator steps, each on its own real batch, then one generator step, after
    /// which the averaged generator moves towards G. G trains in training mode (batch
    /// statistics) and is left in evaluation mode.
    @discardableResult
    public func train(
        on images: Tensor, epochs: Int, batchSize: Int = 64,
        random: inout RandomGenerator, progress: ProgressHandler? = nil
    ) throws -> GAN.History {
        precondition(epochs >= 0 && batchSize >= Parallel.parts && images.rows >= batchSize, "epochs \(epochs), batch \(batchSize), \(images.rows) images")
        let k = max(gan.configuration.discriminatorSteps, 1)
        let batchesPerEpoch = images.rows / batchSize
        let stepsPerEpoch = max(batchesPerEpoch / k, 1)
        var history = GAN.History(stepsPerEpoch: stepsPerEpoch)
        let clock = ContinuousClock(), start = clock.now
        history.steps.reserveCapacity(epochs * stepsPerEpoch)
        let scaled = GAN.scaledForTraining(images)  // [count, imageSize] in [−1, 1]
        gan.isTraining = true
        defer { gan.isTraining = false }
        let batch = Tensor(shape: [0]), codes = Tensor(shape: [0])
        var order: [Int] = []
        var fake = Tensor(shape: [0])
        for epoch in stride(from: 1, through: epochs, by: 1) {
            let epochStart = clock.now
            order = random.permutation(images.rows)
            var sums = GAN.StepRecord(cost: 0, discriminatorLoss: 0, generatorLoss: 0, meanRealScore: 0, meanFakeScore: 0)
            for step in 1...stepsPerEpoch {
                var record = GAN.StepRecord(cost: 0, discriminatorLoss: 0, generatorLoss: 0, meanRealScore: 0, meanFakeScore: 0)
                for inner in 0..<k {
                    let first = ((step - 1) * k + inner) * batchSize
                    batch.gatherRows(of: scaled, at: order[first..<(first + batchSize)])
                    codes.resize(rows: batchSize, columns: gan.configuration.codeSize)
                    codes.fillNormal(generator: &random)
                    let result = discriminatorStep(real: batch, codes: codes)
                    record.cost += result.cost / Double(k)
                    record.meanRealScore += result.realScore / Double(k)
                    record.meanFakeScore += result.fakeScore / Double(k)
                    fake = result.fake
                }
                record.discriminatorLoss = -record.cost
                record.generatorLoss = generatorStep(fake: fake)
                gan.updateAverage()
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
