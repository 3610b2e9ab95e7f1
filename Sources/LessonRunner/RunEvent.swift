import LessonModel
import NeuralNetworks
import Outputs

/// What a run reports as it goes, so the site build and the terminal stepper can show progress.
public enum RunEvent: Sendable {
    /// The cell started executing.
    case started(cellID: String)
    /// A training step of the running cell finished.
    case training(cellID: String, TrainingProgress)
    /// The cell is done: ran, restored from the cache, failed, skipped or interrupted.
    case finished(ExecutedCell)
    /// Something the user should know that is not a failure, such as a damaged cache entry.
    case notice(String)
    /// Another process (described) is running cells of this course; the run waits for it
    /// before starting (or until it is stopped), then takes what it cached.
    case waiting(for: String)
}

/// Whether a cell's cached result is usable today, and if not, why.
public struct CellFreshness: Sendable, Equatable {
    /// The cell's id.
    public var cellID: String
    /// The cell's current cache key.
    public var key: String
    /// Why the cell would run; empty when its cached result is fresh.
    public var reasons: [String]
    /// How long the cached run took, when there is one.
    public var seconds: Double?

    /// Whether the cached result can be used as is.
    public var isCached: Bool { reasons.isEmpty }
}
