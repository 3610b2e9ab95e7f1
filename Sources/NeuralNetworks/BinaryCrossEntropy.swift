import CKernels
import Foundation
import Tensors

/// Binary cross-entropy between predictions and targets in [0, 1]:
/// `−[t log p + (1 − t) log(1 − p)]` per element.
public enum BinaryCrossEntropy {
    /// The loss of logits `x` (p = σ(x)), computed stably as `softplus(x) − t·x`, and its
    /// gradient `σ(x) − t` (scaled by the reduction) written into `gradient` when given.
    ///
    /// This fuses a sigmoid output layer with the loss: the VAE's decoder and the GAN's
    /// discriminator both train through it.
    public static func withLogits(_ logits: Tensor, targets: Tensor, reduction: Reduction = .mean, gradient: Tensor? = nil) -> Double {
        precondition(logits.count == targets.count, "BCE: logits \(logits.shape) and targets \(targets.shape)")
        let factor = reduction.factor(count: logits.count)
        gradient?.resize(to: logits.shape)
        let total = ck_binary_cross_entropy_with_logits(logits.data, targets.data, gradient?.data, Float(factor), logits.count)
        return total * factor
    }

    /// The loss of probabilities `p`, with each log clamped at −100 as PyTorch does, and its
    /// gradient `(p − t) / (p(1 − p))` written into `gradient` when given.
    public static func onProbabilities(_ probabilities: Tensor, targets: Tensor, reduction: Reduction = .mean, gradient: Tensor? = nil) -> Double {
        precondition(probabilities.count == targets.count, "BCE: probabilities \(probabilities.shape) and targets \(targets.shape)")
        let factor = reduction.factor(count: probabilities.count)
        var total: Double = 0
        gradient?.resize(to: probabilities.shape)
        for i in 0..<probabilities.count {
            let p = Double(probabilities.data[i]), t = Double(targets.data[i])
            let logP = Swift.max(Foundation.log(p), -100), logNotP = Swift.max(Foundation.log(1 - p), -100)
            total -= t * logP + (1 - t) * logNotP
            if let gradient {
                let denominator = Swift.max(p * (1 - p), 1e-12)
                gradient.data[i] = Float((p - t) / denominator * factor)
            }
        }
        return total * factor
    }
}
