/// A step that cannot do what a cell asked, with what to change.
public struct StepError: Error, CustomStringConvertible {
    public let message: String
    public let hint: String
    /// The label of the argument the problem is about, so the runner can point at it; nil
    /// when it is about the call as a whole.
    public let argument: String?

    public init(_ message: String, hint: String, argument: String? = nil) {
        self.message = message
        self.hint = hint
        self.argument = argument
    }

    public var description: String { "\(message); \(hint)" }
}

/// Throws unless `model` has two-number codes, which a flat picture of code space needs.
func requireTwoDimensionalCodes(_ model: TrainedVAE, for figure: String) throws {
    let size = model.vae.configuration.latentSize
    guard size == 2 else {
        throw StepError("\(figure) needs codes of two numbers, and this model's have \(size)",
                        hint: "train it with latentSize: 2")
    }
}

/// Throws unless `data` has at least `batchSize` training images: a larger batch would make
/// each epoch one short step, far less training than the cell asked for, without a word.
func requireBatchSize(_ batchSize: Int, fitting data: CourseData) throws {
    let count = data.train.count
    guard batchSize <= count else {
        throw StepError("a batch of \(batchSize) images is larger than the \(count) training images",
                        hint: "use a batchSize of at most \(count), or load more images with fashionMNIST(trainingLimit:)",
                        argument: "batchSize")
    }
}
