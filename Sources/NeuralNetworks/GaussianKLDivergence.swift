import Foundation
import Tensors

/// The KL divergence of N(μ, σ²) from the standard normal N(0, 1), summed over code dimensions:
/// `½ Σ (μ² + σ² − log σ² − 1)`, taking the log-variance `log σ²` as the encoder outputs it.
public enum GaussianKLDivergence {
    // ANCHOR: kl-divergence
    /// The divergence summed over every row and code dimension (`.mean` divides by the rows), and
    /// its gradients `μ` and `½(σ² − 1)` with respect to the mean and the log-variance.
    public static func loss(
        mean: Tensor, logVariance: Tensor, reduction: Reduction = .sum,
        meanGradient: Tensor? = nil, logVarianceGradient: Tensor? = nil, weight: Float = 1
    ) -> Double {
        precondition(mean.count == logVariance.count, "KL: mean \(mean.shape) and log-variance \(logVariance.shape)")
        let factor = reduction.factor(count: mean.rows)
        meanGradient?.resize(to: mean.shape)
        logVarianceGradient?.resize(to: mean.shape)
        let scale = Float(factor) * weight
        var total: Double = 0
        for i in 0..<mean.count {
            let mu = mean.data[i], logVar = logVariance.data[i]
            let variance = Foundation.exp(logVar)
            total += 0.5 * Double(mu * mu + variance - logVar - 1)
            meanGradient?.data[i] = scale * mu
            logVarianceGradient?.data[i] = scale * 0.5 * (variance - 1)
        }
        return total * factor * Double(weight)
    }
    // ANCHOR_END: kl-divergence
}
