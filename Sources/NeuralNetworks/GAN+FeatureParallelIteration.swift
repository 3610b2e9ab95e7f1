import CKernels
import Tensors

extension GAN.Trainer {
    /// Training steps on two cores, each owning a share of every layer's output features (see
    /// `FeatureShare`): they move the weights as `discriminatorStep(real:codes:)` and
    /// `generatorStep(fake:)` do, on the same batches and codes.
    ///
    /// D's last layer has a single output, so there the parts split its inputs instead: part p
    /// owns the features of the layer below that it computed, and the weights that read them.
    /// Each part adds up its features' share of the logits; both then add the two shares.
    ///
    /// Each phase below is one `Parallel.run`. The object is kept across steps, so a step
    /// allocates nothing.
    final class FeatureParallelIteration: ParallelWork {
        private let gan: GAN
        private let discriminatorOptimizer: Adam, generatorOptimizer: Adam
        private let images: Tensor
        private let batchSize: Int
        /// G's layers z → 256 → 512 → image, and D's image → 512 → 256 → logit.
        private let generatorLayers: [Linear], discriminatorLayers: [Linear]
        /// The leaky rectifiers' slope.
        private let slope: Float

        /// The training set's order for this epoch.
        var order: [Int] = []
        /// The first row, in `order`, of the real batch.
        private var first = 0
        private var seeds: (UInt64, UInt64) = (0, 0)
        private var phase = Phase.gather
        private enum Phase {
            case gather, generatorHidden1, generatorHidden2, generatorOutput
            case discriminatorHidden1, discriminatorHidden2, discriminatorLoss, discriminatorHidden1Backward
            case generatorLoss, discriminatorInputGradient, generatorOutputBackward, generatorHidden2Backward, generatorHidden1Backward
            static let discriminatorStep: [Phase] = [
                .gather, .generatorHidden1, .generatorHidden2, .generatorOutput,
                .discriminatorHidden1, .discriminatorHidden2, .discriminatorLoss, .discriminatorHidden1Backward,
            ]
            static let generatorStep: [Phase] = [
                .discriminatorHidden1, .discriminatorHidden2, .generatorLoss,
                .discriminatorInputGradient, .generatorOutputBackward, .generatorHidden2Backward, .generatorHidden1Backward,
            ]
        }

        // G's activations and gradients, [batch, features] each.
        private let codes = Tensor(shape: [0]), generatorHidden1 = Tensor(shape: [0]), generatorHidden2 = Tensor(shape: [0])
        private let fake = Tensor(shape: [0])
        private let generatorHidden1Gradient = Tensor(shape: [0]), generatorHidden2Gradient = Tensor(shape: [0])
        private let fakeGradient = Tensor(shape: [0])
        /// The real batch stacked with the fake one: D's input in its own step.
        private let stacked = Tensor(shape: [0])
        /// D's input: `stacked` in D's step, `fake` in G's.
        private var discriminatorInput: Tensor
        // D's activations and gradients, [rows of D's input, features] each.
        private let discriminatorHidden1 = Tensor(shape: [0]), discriminatorHidden2 = Tensor(shape: [0])
        private let discriminatorHidden1Gradient = Tensor(shape: [0]), discriminatorHidden2Gradient = Tensor(shape: [0])
        /// Each part's contribution to an input gradient, from its own weight rows.
        private let generatorHidden1Shares = [Tensor(shape: [0]), Tensor(shape: [0])]
        private let generatorHidden2Shares = [Tensor(shape: [0]), Tensor(shape: [0])]
        private let fakeShares = [Tensor(shape: [0]), Tensor(shape: [0])]
        private let discriminatorHidden1Shares = [Tensor(shape: [0]), Tensor(shape: [0])]
        /// Each part's share of the logits, from its features of D's second hidden layer.
        private let logitShares = [Tensor(shape: [0]), Tensor(shape: [0])]
        /// The logits and their gradient, which each part computes whole for itself.
        private let logits = [Tensor(shape: [0]), Tensor(shape: [0])], logitGradients = [Tensor(shape: [0]), Tensor(shape: [0])]
        /// BCE's targets: 1 for the real half of `stacked`, 0 for the fake one; and those
        /// of the generator's loss.
        private let discriminatorTargets = Tensor(shape: [0]), generatorTargets = Tensor(shape: [0])
        private let scores = Tensor(shape: [0])
        /// What the last step measured (part 0's; part 1 computes the same loss for itself).
        private var lossSum = 0.0, realScoreSum = 0.0, fakeScoreSum = 0.0

        // D's buffers by size, kept so that a step allocates nothing.
        private lazy var discriminatorHidden1Sized = [discriminatorHidden1, discriminatorHidden1Gradient] + discriminatorHidden1Shares
        private lazy var discriminatorHidden2Sized = [discriminatorHidden2, discriminatorHidden2Gradient]
        private lazy var logitSized = logitShares + logits + logitGradients + [scores]

        init(trainer: GAN.Trainer, images: Tensor, batchSize: Int) {
            gan = trainer.gan
            discriminatorOptimizer = trainer.discriminatorOptimizer
            generatorOptimizer = trainer.generatorOptimizer
            self.images = images
            self.batchSize = batchSize
            generatorLayers = gan.generator.linearLayers
            discriminatorLayers = gan.discriminator.linearLayers
            precondition(generatorLayers.count == 3 && discriminatorLayers.count == 3 && discriminatorLayers[2].outputSize == 1,
                         "FeatureParallelIteration: the course's MLP GAN only")
            slope = (gan.generator.layers[1] as! LeakyReLU).slope
            discriminatorInput = stacked

            let n = batchSize, configuration = gan.configuration
            codes.resize(rows: n, columns: configuration.codeSize)
            for tensor in [generatorHidden1, generatorHidden1Gradient] + generatorHidden1Shares {
                tensor.resize(rows: n, columns: generatorLayers[0].outputSize)
            }
            for tensor in [generatorHidden2, generatorHidden2Gradient] + generatorHidden2Shares {
                tensor.resize(rows: n, columns: generatorLayers[1].outputSize)
            }
            for tensor in [fake, fakeGradient] + fakeShares { tensor.resize(rows: n, columns: configuration.imageSize) }
            stacked.resize(rows: 2 * n, columns: configuration.imageSize)
            discriminatorTargets.resize(count: 2 * n)
            for i in 0..<(2 * n) { discriminatorTargets[i] = i < n ? 1 : 0 }
            generatorTargets.resize(count: n)
            // The non-saturating loss is BCE against "real"; the saturating one, −BCE against "synthetic".
            generatorTargets.fill(configuration.generatorLoss == .nonSaturating ? 1 : 0)
        }

        /// Sizes D's buffers for `input`, on one thread, before any part writes into them.
        private func discriminate(_ input: Tensor) {
            discriminatorInput = input
            let rows = input.rows
            for tensor in discriminatorHidden1Sized { tensor.resize(rows: rows, columns: discriminatorLayers[0].outputSize) }
            for tensor in discriminatorHidden2Sized { tensor.resize(rows: rows, columns: discriminatorLayers[1].outputSize) }
            for tensor in logitSized { tensor.resize(count: rows) }
        }

        private func run(_ phases: [Phase]) {
            for phase in phases {
                self.phase = phase
                Parallel.run(self)
            }
        }

        /// One step of D on rows `order[first..<first + batchSize]` of the images and as many
        /// generated ones, the codes of the batch's first half drawn from a generator seeded
        /// with `seeds.0` and of its second half with `seeds.1`. Returns sums over the batch.
        func discriminatorStep(first: Int, seeds: (UInt64, UInt64)) -> (costSum: Double, realScoreSum: Double, fakeScoreSum: Double) {
            self.first = first
            self.seeds = seeds
            discriminate(stacked)
            discriminatorOptimizer.beginStep()
            run(Phase.discriminatorStep)
            return (-lossSum, realScoreSum, fakeScoreSum)
        }

        /// One step of G on the images it made in the last discriminator step, through the
        /// updated D. Returns the generator's loss.
        func generatorStep() -> Double {
            discriminate(fake)
            generatorOptimizer.beginStep()
            run(Phase.generatorStep)
            return lossSum / Double(batchSize)
        }

        func run(part: Int) {
            func share(_ count: Int) -> Range<Int> { FeatureShare.columns(of: count, part: part) }
            let (g0, g1, g2) = (generatorLayers[0], generatorLayers[1], generatorLayers[2])
            let (d0, d1, d2) = (discriminatorLayers[0], discriminatorLayers[1], discriminatorLayers[2])
            switch phase {
            case .gather:
                let middle = batchSize / 2
                let rows = part == 0 ? 0..<middle : middle..<batchSize
                let n = images.columns
                for row in rows {
                    (stacked.data + row * n).update(from: images.data + order[first + row] * n, count: n)
                }
                var generator = RandomGenerator(seed: part == 0 ? seeds.0 : seeds.1)
                let width = codes.columns
                generator.fillNormal(UnsafeMutableBufferPointer(start: codes.data + rows.lowerBound * width, count: rows.count * width))

            case .generatorHidden1:
                g0.forward(codes, into: generatorHidden1, columns: share(generatorHidden1.columns), rectifierSlope: slope)

            case .generatorHidden2:
                g1.forward(generatorHidden1, into: generatorHidden2, columns: share(generatorHidden2.columns), rectifierSlope: slope)

            case .generatorOutput:
                let columns = share(fake.columns), n = fake.columns
                g2.forward(generatorHidden2, into: fake, columns: columns)
                for row in 0..<fake.rows {
                    let values = fake.data + row * n + columns.lowerBound
                    ck_sigmoid(values, values, columns.count)
                    (stacked.data + (batchSize + row) * n + columns.lowerBound).update(from: values, count: columns.count)
                }

            case .discriminatorHidden1:
                d0.forward(discriminatorInput, into: discriminatorHidden1, columns: share(discriminatorHidden1.columns), rectifierSlope: slope)

            case .discriminatorHidden2:
                let columns = share(discriminatorHidden2.columns)
                d1.forward(discriminatorHidden1, into: discriminatorHidden2, columns: columns, rectifierSlope: slope)
                let logitShare = logitShares[part]
                ck_dot_columns(discriminatorHidden2.data, d2.weight.value.data, logitShare.data,
                               discriminatorHidden2.rows, discriminatorHidden2.columns, columns.lowerBound, columns.count)
                // Part 0's share holds the bias, so that the next phase, which updates it, does not read it.
                if part == 0 { for row in 0..<logitShare.count { logitShare[row] += d2.bias.value[0] } }

            case .discriminatorLoss:
                let columns = share(discriminatorHidden2.columns)
                logitLoss(part: part, targets: discriminatorTargets, scale: 1)
                if part == 0 { measureScores() }
                backwardThroughLogits(part: part, columns: columns)
                // The gradient and update of the logit layer's weights this part reads; part 0 does its bias.
                ck_weighted_column_sums(logitGradients[part].data, discriminatorHidden2.data, d2.weight.gradient.data,
                                        discriminatorHidden2.rows, discriminatorHidden2.columns, columns.lowerBound, columns.count)
                discriminatorOptimizer.update(d2.weight, elements: columns)
                if part == 0 {
                    d2.bias.gradient[0] = Float((0..<logitGradients[0].count).reduce(0.0) { $0 + Double(logitGradients[0][$1]) })
                    discriminatorOptimizer.update(d2.bias, elements: 0..<1)
                }
                d1.backward(discriminatorHidden2Gradient, input: discriminatorHidden1, columns: columns,
                            inputGradientShare: discriminatorHidden1Shares[part], optimizer: discriminatorOptimizer)

            case .discriminatorHidden1Backward:
                let columns = share(discriminatorHidden1Gradient.columns)
                discriminatorHidden1Gradient.setRectifierGradient(columns: columns, shares: discriminatorHidden1Shares, activation: discriminatorHidden1, slope: slope)
                d0.backward(discriminatorHidden1Gradient, input: stacked, columns: columns, inputGradientShare: nil, optimizer: discriminatorOptimizer)

            case .generatorLoss:
                let columns = share(discriminatorHidden2.columns)
                logitLoss(part: part, targets: generatorTargets, scale: gan.configuration.generatorLoss == .nonSaturating ? 1 : -1)
                backwardThroughLogits(part: part, columns: columns)
                d1.inputGradientShare(discriminatorHidden2Gradient, columns: columns, into: discriminatorHidden1Shares[part])

            case .discriminatorInputGradient:
                let columns = share(discriminatorHidden1Gradient.columns)
                discriminatorHidden1Gradient.setRectifierGradient(columns: columns, shares: discriminatorHidden1Shares, activation: discriminatorHidden1, slope: slope)
                d0.inputGradientShare(discriminatorHidden1Gradient, columns: columns, into: fakeShares[part])

            case .generatorOutputBackward:
                let columns = share(fakeGradient.columns)
                ck_add_sigmoid_gradient_columns(fakeShares[0].data, fakeShares[1].data, fake.data, fakeGradient.data,
                                                fakeGradient.rows, fakeGradient.columns, columns.lowerBound, columns.count)
                g2.backward(fakeGradient, input: generatorHidden2, columns: columns, inputGradientShare: generatorHidden2Shares[part], optimizer: generatorOptimizer)

            case .generatorHidden2Backward:
                let columns = share(generatorHidden2Gradient.columns)
                generatorHidden2Gradient.setRectifierGradient(columns: columns, shares: generatorHidden2Shares, activation: generatorHidden2, slope: slope)
                g1.backward(generatorHidden2Gradient, input: generatorHidden1, columns: columns, inputGradientShare: generatorHidden1Shares[part], optimizer: generatorOptimizer)

            case .generatorHidden1Backward:
                let columns = share(generatorHidden1Gradient.columns)
                generatorHidden1Gradient.setRectifierGradient(columns: columns, shares: generatorHidden1Shares, activation: generatorHidden1, slope: slope)
                g0.backward(generatorHidden1Gradient, input: codes, columns: columns, inputGradientShare: nil, optimizer: generatorOptimizer)
            }
        }

        /// Adds the parts' shares of the logits into this part's own logits, then writes its
        /// BCE against `targets`, times `scale`, and the gradient of that divided by the batch
        /// size, as the losses are means. Part 0 keeps the BCE's sum in `lossSum`.
        private func logitLoss(part: Int, targets: Tensor, scale: Float) {
            let (x, gradient) = (logits[part], logitGradients[part])
            for row in 0..<x.count { x[row] = logitShares[0][row] + logitShares[1][row] }
            let loss = ck_binary_cross_entropy_with_logits(x.data, targets.data, gradient.data, scale / Float(batchSize), x.count)
            if part == 0 { lossSum = Double(scale) * loss }
        }

        /// D(x) summed over the real half of `stacked` and over its fake half, from part 0's logits.
        private func measureScores() {
            ck_sigmoid(logits[0].data, scores.data, scores.count)
            realScoreSum = (0..<batchSize).reduce(0.0) { $0 + Double(scores[$1]) }
            fakeScoreSum = (batchSize..<(2 * batchSize)).reduce(0.0) { $0 + Double(scores[$1]) }
        }

        /// The gradient of D's second hidden layer on this part's `columns`, from the logits'
        /// through the logit layer and the leaky rectifier.
        private func backwardThroughLogits(part: Int, columns: Range<Int>) {
            let hidden = discriminatorHidden2, gradient = discriminatorHidden2Gradient
            ck_leaky_outer_columns(logitGradients[part].data, discriminatorLayers[2].weight.value.data, hidden.data, slope,
                                   gradient.data, gradient.rows, gradient.columns, columns.lowerBound, columns.count)
        }
    }
}
