/// Where a training run is, reported to a callback after every step.
///
/// The terminal stepper draws its progress bar from these and the site build logs them; a
/// callback that throws stops training at once (that is how Ctrl-C stops a cell).
public struct TrainingProgress: Sendable {
    /// The 1-based epoch and the number of epochs.
    public var epoch: Int, epochs: Int
    /// The 1-based step within the epoch and the number of steps per epoch.
    public var step: Int, stepsPerEpoch: Int
    /// Named running values for the current epoch (mean loss terms so far), in display order.
    public var metrics: [Metric]
    /// Training samples per second over the run so far.
    public var samplesPerSecond: Double
    /// Seconds since training started.
    public var elapsedSeconds: Double

    public init(epoch: Int, epochs: Int, step: Int, stepsPerEpoch: Int, metrics: [Metric], samplesPerSecond: Double, elapsedSeconds: Double) {
        self.epoch = epoch
        self.epochs = epochs
        self.step = step
        self.stepsPerEpoch = stepsPerEpoch
        self.metrics = metrics
        self.samplesPerSecond = samplesPerSecond
        self.elapsedSeconds = elapsedSeconds
    }

    /// The fraction of all steps done, in [0, 1].
    public var fractionDone: Double {
        Double((epoch - 1) * stepsPerEpoch + step) / Double(max(epochs * stepsPerEpoch, 1))
    }

    /// Seconds left at the rate so far; nil before the first step finishes.
    public var estimatedSecondsRemaining: Double? {
        fractionDone > 0 ? elapsedSeconds * (1 - fractionDone) / fractionDone : nil
    }

    /// A named number, such as a loss term.
    public struct Metric: Sendable, Equatable {
        public var name: String
        public var value: Double
        public init(_ name: String, _ value: Double) { self.name = name; self.value = value }
    }
}
