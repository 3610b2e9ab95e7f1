/// The KL divergence of a diagonal Gaussian from the standard normal.
func klDivergence(mean: [Float], logVariance: [Float]) -> Float {
    // ANCHOR: kl
    var total: Float = 0
    for (mu, logVar) in zip(mean, logVariance) {
        // One term per code dimension: the squared mean, plus the variance, minus the log-variance, minus one, halved.
        total += 0.5 * (mu * mu + exp(logVar) - logVar - 1)
    }
    return total
    // ANCHOR_END: kl
}
