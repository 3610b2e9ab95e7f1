import Tensors

/// A running average of G's weights, which is what samples.
///
/// G's weights never settle: every step of the game moves them, and each pixel's output
/// weights jitter on their own, which shows as salt-and-pepper speckle in the samples of the
/// current G. An exponential moving average over the last hundred or so generator steps keeps
/// what the steps agree on and cancels the jitter. Training is untouched (D plays against the
/// current G); only sampling uses the average, as in Karras et al. 2018 and Yazıcı et al.
/// 2019, "The unusual effectiveness of averaging in GAN training".
extension GAN {
    /// How much of the averaged generator's weights each generator step keeps: 0.99 averages
    /// over about the last hundred steps.
    public static let averageDecay: Float = 0.99

    /// Sets the average to G's current weights and running statistics.
    public func resetAverage() {
        for (average, current) in zip(averagedGenerator.parameters, generator.parameters) { average.value.assign(current.value) }
        copyRunningStatistics()
    }

    /// Moves the average towards G's current weights, `average ← d·average + (1 − d)·G` with d
    /// = ``averageDecay``, after each generator step. The
    /// running statistics of batch normalisation are G's own, copied: they describe the
    /// activations of G's recent batches, which the average's stay close to.
    public func updateAverage() {
        let decay = Self.averageDecay
        for (average, current) in zip(averagedGenerator.parameters, generator.parameters) {
            average.value.scale(by: decay)
            average.value.add(current.value, scaledBy: 1 - decay)
        }
        copyRunningStatistics()
    }

    private func copyRunningStatistics() {
        let layers = { (network: Sequential) in network.layers.compactMap { $0 as? BatchNorm } }
        for (average, current) in zip(layers(averagedGenerator), layers(generator)) {
            average.isTraining = false
            average.runningMean.value.assign(current.runningMean.value)
            average.runningVariance.value.assign(current.runningVariance.value)
        }
    }
}
