import Outputs

/// What a cell reports while the stepper runs it, so the status rows can say what is happening.
public enum CellRunReport: Sendable {
    /// The run cannot start yet: another process, described by the value (`process 4242
    /// (course build)`), is running cells of this course. The run starts when that process is
    /// done, or ends as `.interrupted` if it is stopped first.
    case waiting(for: String)
    /// The cell `cellID` started executing: this one, or a cell it needs that has to run first.
    /// Any wait is over.
    case started(cellID: String)
    /// A training step of the cell `cellID` finished.
    case training(cellID: String, TrainingProgress)
}
