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
