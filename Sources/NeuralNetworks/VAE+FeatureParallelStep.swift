import CKernels
import Foundation
import Tensors

extension VAE {
    /// One training step on two cores, each owning a share of every layer's output features.
    ///
    /// Both parts process the whole batch. Part p owns rows `share(n, p)` of each weight
    /// matrix (n output features): it computes those output columns in the forward pass, those
    /// rows of the weight gradient, and Adam's update of them. A weight row, its gradient and
    /// its Adam moments are only ever touched by one core, so none of them moves between the
    /// cores' caches; what moves is the activations, which are smaller. (Splitting the batch
    /// instead has both cores read every weight each step, half of it just written by the
    /// other core, which costs most when the two cores do not share a cache.)
    ///
    /// Input gradients are the sum of the two parts' contributions, each from its own weight
    /// rows, added in a fixed order; so the step's result does not depend on which thread runs
    /// which part, nor on whether the parts run at once or in turn (see `Parallel`).
    ///
    /// Each phase below is one `Parallel.run`: its end is the point where both parts' outputs
    /// are complete and the next phase may read them.
    final class FeatureParallelStep: ParallelWork {
        private let vae: VAE
        private let optimizer: Adam
        private let images: Tensor
        /// Each layer's weight and bias, as indices among the optimizer's parameters.
        private let parameterIndices: [ObjectIdentifier: (weight: Int, bias: Int)]

        /// The training set's order for this epoch.
        var order: [Int] = []
        private var batch = 0..<0
        /// The rows drawn from each of the two noise generators: the first and second half of the batch.
        private var noiseRows = (0..<0, 0..<0)
        private var seeds: (UInt64, UInt64) = (0, 0)
        private var phase = Phase.gather

        // The whole batch's activations and gradients, [batch, features] each.
        private let input = Tensor(shape: [0]), hidden = Tensor(shape: [0])
        private let mean = Tensor(shape: [0]), logVariance = Tensor(shape: [0])
        private let noise = Tensor(shape: [0]), standardDeviation = Tensor(shape: [0]), codes = Tensor(shape: [0])
        private let decoderHidden = Tensor(shape: [0]), logits = Tensor(shape: [0]), probabilities = Tensor(shape: [0])
        private let logitsGradient = Tensor(shape: [0]), decoderHiddenGradient = Tensor(shape: [0])
        private let meanGradient = Tensor(shape: [0]), logVarianceGradient = Tensor(shape: [0])
        private let hiddenGradient = Tensor(shape: [0])
        /// Each part's contribution to an input gradient, from its own weight rows.
        private let decoderHiddenShares = [Tensor(shape: [0]), Tensor(shape: [0])]
        private let codesShares = [Tensor(shape: [0]), Tensor(shape: [0])]
        private let hiddenShares = [Tensor(shape: [0]), Tensor(shape: [0])]
        /// Each part writes only its own terms of the loss.
        private var reconstruction = (0.0, 0.0), kl = (0.0, 0.0)

        // Kept, so that a step allocates nothing.
        private lazy var inputSized = [input, logits, logitsGradient, probabilities]
        private lazy var hiddenSized = [hidden, decoderHidden, decoderHiddenGradient, hiddenGradient]
        private lazy var latentSized = [mean, logVariance, noise, standardDeviation, codes, meanGradient, logVarianceGradient]

        private enum Phase {
            case gather, encoderHidden, code, decoderHidden, output, decoderHiddenBackward, codeBackward, encoderHiddenBackward
            static let allInOrder: [Phase] = [.gather, .encoderHidden, .code, .decoderHidden, .output, .decoderHiddenBackward, .codeBackward, .encoderHiddenBackward]
        }

        init(vae: VAE, optimizer: Adam, images: Tensor) {
            self.vae = vae
            self.optimizer = optimizer
            self.images = images
            var indices: [ObjectIdentifier: (weight: Int, bias: Int)] = [:]
            for layer in vae.linearLayers {
                guard let weight = optimizer.parameters.firstIndex(where: { $0 === layer.weight }),
                      let bias = optimizer.parameters.firstIndex(where: { $0 === layer.bias })
                else { preconditionFailure("FeatureParallelStep: \(layer.weight.name) is not among the optimizer's parameters") }
                indices[ObjectIdentifier(layer)] = (weight, bias)
            }
            precondition(indices.count * 2 == optimizer.parameters.count, "FeatureParallelStep: the optimizer has parameters outside the VAE")
            parameterIndices = indices
        }

        /// The output features part `part` owns of a layer with `count` of them: half, with the
        /// split on a 32-byte boundary when it can be, so vector stores stay whole.
        static func share(_ count: Int, part: Int) -> Range<Int> {
            let boundary = count / 2 >= 8 ? count / 2 / 8 * 8 : count / 2
            return part == 0 ? 0..<boundary : boundary..<count
        }

        /// Trains on rows `order[batch]` of the images, with the noise of the first half of the
        /// batch drawn from a generator seeded with `seeds.0` and of the second from `seeds.1`;
        /// returns the batch's loss (before the update).
        func step(batch: Range<Int>, seeds: (UInt64, UInt64)) -> Loss {
            self.batch = batch
            self.seeds = seeds
            let middle = (batch.count + 1) / 2
            noiseRows = (0..<middle, middle..<batch.count)
            let configuration = vae.configuration
            let (rows, inputSize, hiddenSize, latentSize) = (batch.count, configuration.inputSize, configuration.hiddenSize, configuration.latentSize)
            // Sized here, on one thread, before any part writes into them.
            for tensor in inputSized { tensor.resize(rows: rows, columns: inputSize) }
            for tensor in hiddenSized { tensor.resize(rows: rows, columns: hiddenSize) }
            for tensor in latentSized { tensor.resize(rows: rows, columns: latentSize) }
            optimizer.beginStep()
            for phase in Phase.allInOrder {
                self.phase = phase
                Parallel.run(self)
            }
            let reconstructionTotal = reconstruction.0 + reconstruction.1, klTotal = kl.0 + kl.1
            return Loss(reconstruction: reconstructionTotal, kl: klTotal, total: reconstructionTotal + Double(configuration.klWeight) * klTotal)
        }

        func run(part: Int) {
            let vae = vae
            switch phase {
            case .gather:
                let rows = part == 0 ? noiseRows.0 : noiseRows.1
                let n = input.columns
                for row in rows {
                    let index = order[batch.lowerBound + row]
                    (input.data + row * n).update(from: images.data + index * n, count: n)
                }
                if vae.configuration.variational {
                    var generator = RandomGenerator(seed: part == 0 ? seeds.0 : seeds.1)
                    let latent = noise.columns
                    generator.fillNormal(UnsafeMutableBufferPointer(start: noise.data + rows.lowerBound * latent, count: rows.count * latent))
                }

            case .encoderHidden:
                forwardRectified(vae.fc1, input, into: hidden, columns: Self.share(hidden.columns, part: part))

            case .code:
                let columns = Self.share(mean.columns, part: part)
                forward(vae.fc21, hidden, into: mean, columns: columns)
                forward(vae.fc22, hidden, into: logVariance, columns: columns)
                let divergence = vae.configuration.variational ? sampleCodes(columns: columns) : copyMeans(columns: columns)
                if part == 0 { kl.0 = divergence } else { kl.1 = divergence }

            case .decoderHidden:
                forwardRectified(vae.fc3, codes, into: decoderHidden, columns: Self.share(decoderHidden.columns, part: part))

            case .output:
                let columns = Self.share(logits.columns, part: part)
                forward(vae.fc4, decoderHidden, into: logits, columns: columns)
                let loss = reconstructionLoss(columns: columns)
                if part == 0 { reconstruction.0 = loss } else { reconstruction.1 = loss }
                backward(vae.fc4, outputGradient: logitsGradient, input: decoderHidden, columns: columns, inputGradientShare: decoderHiddenShares[part])

            case .decoderHiddenBackward:
                let columns = Self.share(decoderHiddenGradient.columns, part: part)
                addShares(decoderHiddenShares, into: decoderHiddenGradient, columns: columns, passingWherePositive: decoderHidden)
                backward(vae.fc3, outputGradient: decoderHiddenGradient, input: codes, columns: columns, inputGradientShare: codesShares[part])

            case .codeBackward:
                let columns = Self.share(meanGradient.columns, part: part)
                codeGradients(columns: columns)
                backward(vae.fc21, outputGradient: meanGradient, input: hidden, columns: columns, inputGradientShare: hiddenShares[part])
                backward(vae.fc22, outputGradient: logVarianceGradient, input: hidden, columns: columns, inputGradientShare: hiddenShares[part], adding: true)

            case .encoderHiddenBackward:
                let columns = Self.share(hiddenGradient.columns, part: part)
                addShares(hiddenShares, into: hiddenGradient, columns: columns, passingWherePositive: hidden)
                backward(vae.fc1, outputGradient: hiddenGradient, input: input, columns: columns, inputGradientShare: nil)
            }
        }

        /// `output[:, columns] = input · W[columns]ᵀ + b[columns]`.
        private func forward(_ layer: Linear, _ input: Tensor, into output: Tensor, columns: Range<Int>) {
            ck_fill_columns(output.data, layer.bias.value.data, output.rows, output.columns, columns.lowerBound, columns.count)
            Tensor.matmulTransposedB(input, layer.weight.value, columns: columns, into: output, beta: 1)  // [batch, columns]
        }

        /// Given the gradient's `columns` (this part's outputs of `layer`): writes this part's
        /// share of the input gradient (unless `inputGradientShare` is nil: the first layer),
        /// then the weight and bias gradient rows `columns`, and updates those rows with Adam.
        private func backward(_ layer: Linear, outputGradient: Tensor, input: Tensor, columns: Range<Int>,
                              inputGradientShare: Tensor?, adding: Bool = false) {
            // The share reads the weights before the update below changes them.
            if let share = inputGradientShare {
                Tensor.matmul(outputGradient, layer.weight.value, inner: columns, into: share, beta: adding ? 1 : 0)  // [batch, in]
            }
            Tensor.matmulTransposedA(outputGradient, input, rows: columns, into: layer.weight.gradient)  // [columns, in]
            outputGradient.sumRows(columns: columns, into: layer.bias.gradient)                          // [columns]
            let (weight, bias) = parameterIndices[ObjectIdentifier(layer)]!
            optimizer.update(weight, elements: (columns.lowerBound * layer.inputSize)..<(columns.upperBound * layer.inputSize))
            optimizer.update(bias, elements: columns)
        }

        /// `output[:, columns] = ReLU(input · W[columns]ᵀ + b[columns])`.
        private func forwardRectified(_ layer: Linear, _ input: Tensor, into output: Tensor, columns: Range<Int>) {
            forward(layer, input, into: output, columns: columns)
            ck_rectify_columns(output.data, output.rows, output.columns, columns.lowerBound, columns.count)
        }

        /// `result[:, columns] = shares[0] + shares[1]` where `activation` (a ReLU's output)
        /// is positive, 0 elsewhere: the gradient through the ReLU.
        private func addShares(_ shares: [Tensor], into result: Tensor, columns: Range<Int>, passingWherePositive activation: Tensor) {
            ck_add_where_positive_columns(shares[0].data, shares[1].data, activation.data, result.data,
                                          result.rows, result.columns, columns.lowerBound, columns.count)
        }

        /// z = μ + σ·ε on `columns` of the codes, the KL term's gradients there (scaled by β)
        /// and its value summed over them.
        private func sampleCodes(columns: Range<Int>) -> Double {
            let n = mean.columns, beta = vae.configuration.klWeight
            var total = 0.0
            for row in 0..<mean.rows {
                let offset = row * n
                ck_exp(logVariance.data + offset + columns.lowerBound, 0.5, standardDeviation.data + offset + columns.lowerBound, columns.count)
                for j in columns {
                    let i = offset + j
                    codes.data[i] = standardDeviation.data[i] * noise.data[i] + mean.data[i]
                    let mu = mean.data[i], logVar = logVariance.data[i]
                    let variance = Foundation.exp(logVar)
                    total += 0.5 * Double(mu * mu + variance - logVar - 1)
                    meanGradient.data[i] = mu * beta
                    logVarianceGradient.data[i] = 0.5 * (variance - 1) * beta
                }
            }
            return total
        }

        /// A plain autoencoder's codes: the means themselves, with no KL term.
        private func copyMeans(columns: Range<Int>) -> Double {
            let n = mean.columns
            for row in 0..<mean.rows {
                for j in columns { codes.data[row * n + j] = mean.data[row * n + j] }
            }
            return 0
        }

        /// The gradients of the means and log-variances on `columns`, from the codes' gradient
        /// (the sum of the parts' shares) through z = μ + σ·ε, plus the KL term's.
        private func codeGradients(columns: Range<Int>) {
            let n = mean.columns, variational = vae.configuration.variational
            for row in 0..<mean.rows {
                for j in columns {
                    let i = row * n + j
                    let codeGradient = codesShares[0].data[i] + codesShares[1].data[i]
                    if variational {
                        // dz/dμ = 1 and dz/d(log σ²) = ½σε.
                        meanGradient.data[i] += codeGradient
                        logVarianceGradient.data[i] += noise.data[i] * standardDeviation.data[i] * codeGradient * 0.5
                    } else {
                        meanGradient.data[i] = codeGradient
                        logVarianceGradient.data[i] = 0
                    }
                }
            }
        }

        /// The reconstruction term over `columns` of the batch, and its gradient there with
        /// respect to the logits.
        private func reconstructionLoss(columns: Range<Int>) -> Double {
            guard !columns.isEmpty else { return 0 }
            let n = logits.columns
            var total = 0.0
            for row in 0..<logits.rows {
                let offset = row * n + columns.lowerBound
                let (x, target, gradient) = (logits.data + offset, input.data + offset, logitsGradient.data + offset)
                switch vae.configuration.reconstruction {
                case .binaryCrossEntropy:
                    total += ck_binary_cross_entropy_with_logits(x, target, gradient, 1, columns.count)
                case .squaredError:
                    let p = probabilities.data + offset
                    ck_sigmoid(x, p, columns.count)
                    for j in 0..<columns.count {
                        let difference = p[j] - target[j]
                        total += Double(difference) * Double(difference)
                        // Through the sigmoid: dL/dlogit = dL/dp · p(1 − p).
                        gradient[j] = 2 * difference * p[j] * (1 - p[j])
                    }
                }
            }
            return total
        }
    }
}
