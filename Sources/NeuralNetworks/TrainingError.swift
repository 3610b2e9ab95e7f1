import Outputs

/// Called after each training step; throwing stops training and propagates the error.
public typealias ProgressHandler = (TrainingProgress) throws -> Void

/// Training that cannot go on.
public enum TrainingError: Error, Equatable, CustomStringConvertible {
    /// A loss became NaN or infinite at a step.
    case diverged(epoch: Int, step: Int, loss: String, learningRate: Float)

    /// What happened, in one lowercase sentence.
    public var message: String {
        switch self {
        case let .diverged(epoch, step, loss, _):
            "the \(loss) became NaN or infinite at epoch \(epoch), step \(step)"
        }
    }

    /// What to change.
    public var hint: String {
        switch self {
        case let .diverged(_, _, _, learningRate):
            "try a smaller learning rate than \(learningRate), such as \(learningRate / 10)"
        }
    }

    public var description: String { "training diverged: \(message); \(hint)" }
}
