/// A step that cannot do what a cell asked, with what to change.
public struct StepError: Error, CustomStringConvertible {
    public let message: String
    public let hint: String

    public init(_ message: String, hint: String) {
        self.message = message
        self.hint = hint
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
