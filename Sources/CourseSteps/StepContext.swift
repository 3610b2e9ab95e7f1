import Foundation
import NeuralNetworks
import Outputs

/// What the runner tells the steps of the cell it is running: the cell's seed, where to report
/// training progress, and whether the user asked to stop.
///
/// Outside the runner (a plain program calling the library) the defaults apply: seed 0, no
/// progress reporting, never cancelled.
public struct StepContext: Sendable {
    /// The seed of the running cell, used by steps called without an explicit `seed:`.
    public var seed: UInt64 = 0
    /// Receives training progress; nil when nobody is watching.
    public var progress: (@Sendable (TrainingProgress) -> Void)?
    /// Returns true when the running cell should stop (Ctrl-C in the stepper, a time limit).
    public var shouldStop: @Sendable () -> Bool = { false }

    public init(seed: UInt64 = 0, progress: (@Sendable (TrainingProgress) -> Void)? = nil, shouldStop: @escaping @Sendable () -> Bool = { false }) {
        self.seed = seed
        self.progress = progress
        self.shouldStop = shouldStop
    }

    /// Bound per task (or thread), so cells running at once in one process — two test cases,
    /// say — each see their own context.
    @TaskLocal private static var active = StepContext()

    /// The context of the cell being run.
    public static var current: StepContext { active }

    /// Runs `body` with `context` as the current context, restoring the previous one after.
    public static func with<Result, Failure: Error>(_ context: StepContext, _ body: () throws(Failure) -> Result) throws(Failure) -> Result {
        let outcome: Swift.Result<Result, Failure> = $active.withValue(context) {
            do throws(Failure) { return .success(try body()) } catch { return .failure(error) }
        }
        return try outcome.get()
    }

    /// The progress handler training loops use: reports, and throws ``StepStopped`` when the
    /// cell should stop.
    var trainingProgress: ProgressHandler {
        { progress in
            if self.shouldStop() { throw StepStopped() }
            self.progress?(progress)
        }
    }
}

/// Thrown out of a step when its cell was asked to stop.
public struct StepStopped: Error, CustomStringConvertible {
    public init() {}
    public var description: String { "the cell was stopped before it finished" }
}
