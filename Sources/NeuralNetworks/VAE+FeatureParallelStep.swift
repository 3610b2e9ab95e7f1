import CKernels
import Foundation
import Tensors

extension VAE {
    /// One training step on two cores, each owning a share of every layer's output features
    /// (see `FeatureShare`). Part p owns rows `FeatureShare.columns(of: n, part: p)` of each
    /// weight matrix (n output features): it computes those output columns in the forward
    /// pass, those rows of the weight gradient, and Adam's update of them.
    ///
    /// Each phase below is one `Parallel.run`.
    final class FeatureParallelStep: ParallelWork {
        private let vae: VAE
        private let optimizer: Adam
        private let images: Tensor

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
            precondition(Set(optimizer.parameters.map(ObjectIdentifier.init)) == Set(vae.parameters.map(ObjectIdentifier.init)),
                         "FeatureParallelStep: the optimizer must train exactly the VAE's parameters")
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
            func share(_ count: Int) -> Range<Int> { FeatureShare.columns(of: count, part: part) }
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
                vae.fc1.forward(input, into: hidden, columns: share(hidden.columns), rectifierSlope: 0)

            case .code:
                let columns = share(mean.columns)
                vae.fc21.forward(hidden, into: mean, columns: columns)
                vae.fc22.forward(hidden, into: logVariance, columns: columns)
                let divergence = vae.configuration.variational ? sampleCodes(columns: columns) : copyMeans(columns: columns)
                if part == 0 { kl.0 = divergence } else { kl.1 = divergence }

            case .decoderHidden:
                vae.fc3.forward(codes, into: decoderHidden, columns: share(decoderHidden.columns), rectifierSlope: 0)

            case .output:
                let columns = share(logits.columns)
                vae.fc4.forward(decoderHidden, into: logits, columns: columns)
                let loss = reconstructionLoss(columns: columns)
                if part == 0 { reconstruction.0 = loss } else { reconstruction.1 = loss }
                vae.fc4.backward(logitsGradient, input: decoderHidden, columns: columns, inputGradientShare: decoderHiddenShares[part], optimizer: optimizer)

            case .decoderHiddenBackward:
                let columns = share(decoderHiddenGradient.columns)
                decoderHiddenGradient.setRectifierGradient(columns: columns, shares: decoderHiddenShares, activation: decoderHidden, slope: 0)
                vae.fc3.backward(decoderHiddenGradient, input: codes, columns: columns, inputGradientShare: codesShares[part], optimizer: optimizer)

            case .codeBackward:
                let columns = share(meanGradient.columns)
                codeGradients(columns: columns)
                vae.fc21.backward(meanGradient, input: hidden, columns: columns, inputGradientShare: hiddenShares[part], optimizer: optimizer)
                vae.fc22.backward(logVarianceGradient, input: hidden, columns: columns, inputGradientShare: hiddenShares[part], adding: true, optimizer: optimizer)

            case .encoderHiddenBackward:
                let columns = share(hiddenGradient.columns)
                hiddenGradient.setRectifierGradient(columns: columns, shares: hiddenShares, activation: hidden, slope: 0)
                vae.fc1.backward(hiddenGradient, input: input, columns: columns, inputGradientShare: nil, optimizer: optimizer)
            }
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
