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
    ///
    /// Each batch is split in two halves that the GAN and a replica sharing its weights
    /// process at once (see `Parallel`). Backward passes leave the weight gradients to the
    /// updates, which sum the halves' as they compute them: a trainer turns off
    /// `computesParameterGradients` in every layer of its GAN.
    public final class Trainer {
        public let gan: GAN
        public let generatorOptimizer: Adam, discriminatorOptimizer: Adam
        /// The models of the parts: the GAN itself, then replicas sharing its weights.
        let models: [GAN]
        /// The buffers of each part.
        let buffers: [Buffers]
        /// The updates of D and G, from the gradients of every part.
        let discriminatorUpdate: ReplicatedAdamStep, generatorUpdate: ReplicatedAdamStep

        final class Buffers {
            let codes = Tensor(shape: [0]), real = Tensor(shape: [0]), stacked = Tensor(shape: [0])
            let targets = Tensor(shape: [0]), logitGradient = Tensor(shape: [0]), scores = Tensor(shape: [0])
        }

        /// Adam for both players with the reference's settings: lr 2e-4, β = (0.5, 0.999).
        public init(gan: GAN, learningRate: Float = 2e-4) {
            self.gan = gan
            generatorOptimizer = Adam(parameters: gan.generator.parameters, learningRate: learningRate, beta1: 0.5)
            discriminatorOptimizer = Adam(parameters: gan.discriminator.parameters, learningRate: learningRate, beta1: 0.5)
            models = [gan] + (1..<Parallel.parts).map { _ in gan.replica() }
            buffers = (0..<Parallel.parts).map { _ in Buffers() }
            discriminatorUpdate = ReplicatedAdamStep(optimizer: discriminatorOptimizer, replicas: models.map(\.discriminator.linearLayers))
            generatorUpdate = ReplicatedAdamStep(optimizer: generatorOptimizer, replicas: models.map(\.generator.linearLayers))
            for model in models {
                model.discriminator.computeParameterGradients(false)
                model.generator.computeParameterGradients(false)
            }
        }
    }

    /// A GAN sharing this one's weights, with its own gradients and buffers.
    func replica() -> GAN {
        GAN(configuration: configuration,
            generator: Sequential(generator.layers.map { layer in (layer as? Linear).map { Linear(sharingWeightsOf: $0) } ?? GAN.freshCopy(of: layer) }),
            discriminator: Sequential(discriminator.layers.map { layer in (layer as? Linear).map { Linear(sharingWeightsOf: $0) } ?? GAN.freshCopy(of: layer) }))
    }

    /// A new activation layer of the same kind (activations hold only buffers).
    static func freshCopy(of layer: any Layer) -> any Layer {
        switch layer {
        case let leaky as LeakyReLU: LeakyReLU(slope: leaky.slope)
        case is Sigmoid: Sigmoid()
        case is ReLU: ReLU()
        case is Tanh: Tanh()
        default: preconditionFailure("no replica for \(type(of: layer))")
        }
    }
}

extension GAN.Trainer {
    // ANCHOR: discriminator-step
    /// Backpropagates −C(D, G) through D, on one part's real images and as many generated
    /// ones, scaled for a whole batch of `total` real images; D's update then computes the
    /// gradient for D's parameters, summed over the parts. Real and synthetic
    /// images go through D stacked as one batch, which gives the same gradient as two passes
    /// (D has no batch statistics). Returns sums over the part, for the batch's means.
    func discriminatorGradient(part: Int, real batch: Tensor, total: Int, random: inout RandomGenerator)
        -> (costSum: Double, realScoreSum: Double, fakeScoreSum: Double, fake: Tensor) {
        let model = models[part], b = buffers[part]
        let n = batch.rows, size = gan.configuration.imageSize
        b.codes.resize(rows: n, columns: gan.configuration.codeSize)
        b.codes.fillNormal(generator: &random)
        let fake = model.generator.forward(b.codes)
        b.stacked.resize(rows: 2 * n, columns: size)
        b.stacked.setRows(startingAt: 0, from: batch)
        b.stacked.setRows(startingAt: n, from: fake)
        b.targets.resize(rows: 2 * n, columns: 1)
        for i in 0..<(2 * n) { b.targets[i] = i < n ? 1 : 0 }
        let logits = model.discriminator.forward(b.stacked)
        // Each half's loss is a mean over the batch, so the stacked sum is scaled by 1/total.
        let loss = BinaryCrossEntropy.withLogits(logits, targets: b.targets, reduction: .sum, gradient: b.logitGradient)
        b.logitGradient.scale(by: 1 / Float(total))
        logits.sigmoid(into: b.scores)
        let realScore = (0..<n).reduce(0.0) { $0 + Double(b.scores[$1]) }
        let fakeScore = (n..<(2 * n)).reduce(0.0) { $0 + Double(b.scores[$1]) }
        (model.discriminator.layers[0] as! Linear).propagatesGradient = false
        _ = model.discriminator.backward(b.logitGradient)
        return (-loss, realScore, fakeScore, fake)
    }
    // ANCHOR_END: discriminator-step

    // ANCHOR: generator-step
    /// Backpropagates the generator's loss through D, held fixed, into G, for G's update: the
    /// images G made for the last discriminator step go through the updated D. (G's layers still hold
    /// that forward pass, so it is not recomputed; the reference does the same.) Returns the
    /// loss summed over the part's images and divided by the batch's `total`.
    func generatorGradient(part: Int, fake: Tensor, total: Int) -> Double {
        let model = models[part], b = buffers[part]
        let n = fake.rows
        let logits = model.discriminator.forward(fake)
        b.targets.resize(rows: n, columns: 1)
        let loss: Double
        switch gan.configuration.generatorLoss {
        case .nonSaturating:
            // −mean log D(G(z)): binary cross-entropy against the label "real".
            b.targets.fill(1)
            loss = BinaryCrossEntropy.withLogits(logits, targets: b.targets, reduction: .sum, gradient: b.logitGradient)
            b.logitGradient.scale(by: 1 / Float(total))
        case .saturating:
            // mean log(1 − D(G(z))) = −BCE against the label "synthetic"; descend it.
            b.targets.fill(0)
            loss = -BinaryCrossEntropy.withLogits(logits, targets: b.targets, reduction: .sum, gradient: b.logitGradient)
            b.logitGradient.scale(by: -1 / Float(total))
        }
        // D is held fixed (its update does not run), but G needs the gradient with respect to D's input.
        (model.discriminator.layers[0] as! Linear).propagatesGradient = true
        _ = model.generator.backward(model.discriminator.backward(b.logitGradient))
        return loss / Double(total)
    }
    // ANCHOR_END: generator-step

    /// One discriminator step on a whole batch, in one part: for tests and small batches.
    func discriminatorStep(real batch: Tensor, random: inout RandomGenerator) -> (cost: Double, realScore: Double, fakeScore: Double, fake: Tensor) {
        let n = Double(batch.rows)
        let result = discriminatorGradient(part: 0, real: batch, total: batch.rows, random: &random)
        ReplicatedAdamStep(optimizer: discriminatorOptimizer, replicas: [gan.discriminator.linearLayers]).step()
        return (result.costSum / n, result.realScoreSum / n, result.fakeScoreSum / n, result.fake)
    }

    /// One generator step on a whole batch, in one part: for tests and small batches.
    func generatorStep(fake: Tensor) -> Double {
        let loss = generatorGradient(part: 0, fake: fake, total: fake.rows)
        ReplicatedAdamStep(optimizer: generatorOptimizer, replicas: [gan.generator.linearLayers]).step()
        return loss
    }

    /// Trains for `epochs` passes over `images`, in batches of `batchSize` real images
    /// (dropping the last partial batch, as the reference does). Each iteration takes k
    /// discriminator steps, each on its own real batch, then one generator step.
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
        let halves = HalvedIteration(trainer: self, images: images, batchSize: batchSize)
        for epoch in stride(from: 1, through: epochs, by: 1) {
            let epochStart = clock.now
            halves.order = random.permutation(images.rows)
            var sums = GAN.StepRecord(cost: 0, discriminatorLoss: 0, generatorLoss: 0, meanRealScore: 0, meanFakeScore: 0)
            for step in 1...stepsPerEpoch {
                var record = GAN.StepRecord(cost: 0, discriminatorLoss: 0, generatorLoss: 0, meanRealScore: 0, meanFakeScore: 0)
                for inner in 0..<k {
                    halves.first = ((step - 1) * k + inner) * batchSize
                    halves.seeds = (random.next(), random.next())
                    halves.phase = .discriminator
                    Parallel.run(halves)
                    discriminatorUpdate.step()
                    let n = Double(batchSize * k), (a, b) = (halves.firstResult, halves.secondResult)
                    record.cost += (a.costSum + b.costSum) / n
                    record.meanRealScore += (a.realScoreSum + b.realScoreSum) / n
                    record.meanFakeScore += (a.fakeScoreSum + b.fakeScoreSum) / n
                }
                record.discriminatorLoss = -record.cost
                halves.phase = .generator
                Parallel.run(halves)
                generatorUpdate.step()
                record.generatorLoss = halves.firstGeneratorLoss + halves.secondGeneratorLoss
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

    /// One iteration's batch split in two halves, run at once by the GAN and its replica. It
    /// is kept across iterations, so an iteration allocates nothing.
    final class HalvedIteration: ParallelWork {
        enum Phase { case discriminator, generator }
        typealias DiscriminatorResult = (costSum: Double, realScoreSum: Double, fakeScoreSum: Double, fake: Tensor)

        unowned let trainer: GAN.Trainer
        let images: Tensor
        let batchSize: Int
        var order: [Int] = []
        var phase = Phase.discriminator
        /// The first row (in `order`) of the current real batch.
        var first = 0
        var seeds: (UInt64, UInt64) = (0, 0)
        /// The parts' results: each part writes only its own.
        var firstResult: DiscriminatorResult = (0, 0, 0, Tensor(shape: [0])), secondResult: DiscriminatorResult = (0, 0, 0, Tensor(shape: [0]))
        var firstGeneratorLoss = 0.0, secondGeneratorLoss = 0.0

        init(trainer: GAN.Trainer, images: Tensor, batchSize: Int) {
            self.trainer = trainer
            self.images = images
            self.batchSize = batchSize
        }

        func run(part: Int) {
            switch phase {
            case .discriminator:
                let middle = first + batchSize / 2
                let rows = part == 0 ? first..<middle : middle..<(first + batchSize)
                let real = trainer.buffers[part].real
                real.gatherRows(of: images, at: order[rows])
                var codes = RandomGenerator(seed: part == 0 ? seeds.0 : seeds.1)
                let result = trainer.discriminatorGradient(part: part, real: real, total: batchSize, random: &codes)
                if part == 0 { firstResult = result } else { secondResult = result }
            case .generator:
                let loss = trainer.generatorGradient(part: part, fake: part == 0 ? firstResult.fake : secondResult.fake, total: batchSize)
                if part == 0 { firstGeneratorLoss = loss } else { secondGeneratorLoss = loss }
            }
        }
    }
}
