import Foundation
import Tensors

/// A step that cannot do what a cell asked, with what to change.
public struct StepError: Error, CustomStringConvertible {
    public let message: String
    public let hint: String
    /// The label of the argument the problem is about, so the runner can point at it:
    /// ``unlabeled`` for the unlabeled first argument (the model in `showCodes(ae, of: …)`),
    /// nil when it is about the call as a whole.
    public let argument: String?
    /// What kind of problem it is, which decides how the runner words it.
    public let kind: Kind

    /// What kind of problem a step reports.
    public enum Kind: Sendable, Equatable {
        /// The step cannot do what the cell asked: "'step' failed: …".
        case failure
        /// A number outside its parameter's range, reported as the checker reports a literal,
        /// at the argument.
        case argumentOutOfRange
        /// A claim of the lesson's (`expect`) that the results do not support; the runner
        /// quotes the values the claim compared.
        case claim
    }

    /// The ``argument`` of a problem with the unlabeled argument, spelled as Swift declares it.
    public static let unlabeled = "_"

    public init(_ message: String, hint: String, argument: String? = nil) {
        self.message = message
        self.hint = hint
        self.argument = argument
        self.kind = .failure
    }

    /// A number outside its parameter's range (``ArgumentRange``).
    init(rangeMessage message: String, hint: String, argument: String?) {
        self.message = message
        self.hint = hint
        self.argument = argument
        self.kind = .argumentOutOfRange
    }

    /// A claim that does not hold: `claim` in the lesson's words.
    init(claim: String) {
        self.message = claim
        self.hint = "the results no longer support what the lesson says; reword the claim so that it holds on every machine, or change the experiment"
        self.argument = nil
        self.kind = .claim
    }

    public var description: String { "\(message); \(hint)" }
}

/// Throws unless `model` has codes of exactly two numbers, which a flat picture of the whole
/// code space (a grid over it, a density on it) needs.
func requireTwoDimensionalCodes(_ model: TrainedVAE, for figure: String) throws {
    let size = model.vae.configuration.latentSize
    guard size == 2 else {
        throw StepError("\(figure) needs codes of two numbers, and this model's have \(size)",
                        hint: "train it with latentSize: 2", argument: StepError.unlabeled)
    }
}

/// Throws unless `model` has codes of at least two numbers: a scatter plot of codes shows
/// their first two.
func requirePlottableCodes(_ model: TrainedVAE, for figure: String) throws {
    let size = model.vae.configuration.latentSize
    guard size >= 2 else {
        throw StepError("\(figure) shows the first two numbers of each code, and this model's codes have only \(size)",
                        hint: "train it with latentSize: 2 or more", argument: StepError.unlabeled)
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

/// Throws unless a GAN can train on `data` in batches of `batchSize` with `discriminatorSteps`
/// discriminator steps per generator step: each batch is split between the two cores, so it
/// needs two images, and one generator step reads `discriminatorSteps` whole batches, which
/// the training images must hold.
func requireGANBatches(_ batchSize: Int, discriminatorSteps: Int, fitting data: CourseData) throws {
    guard batchSize >= Parallel.parts else {
        throw StepError("a GAN's batch is split between \(Parallel.parts) cores, so it needs at least \(Parallel.parts) images, not \(batchSize)",
                        hint: "use a batchSize of \(Parallel.parts) or more", argument: "batchSize")
    }
    try requireBatchSize(batchSize, fitting: data)
    let count = data.train.count
    guard batchSize * discriminatorSteps <= count else {
        throw StepError("\(discriminatorSteps) discriminator steps of \(batchSize) images each need \(batchSize * discriminatorSteps) training images, and there are \(count)",
                        hint: "use discriminatorSteps of at most \(count / batchSize), a smaller batchSize, or load more images with fashionMNIST(trainingLimit:)",
                        argument: "discriminatorSteps")
    }
}

/// A number of nats (or any quantity) as a whole number for a sentence: a finite value of
/// any size rounded, NaN and infinities spelled out. `Int(value)` would trap on all three
/// and on anything beyond Int's range, which a loss after a huge learning rate can reach.
func wholeNumber(_ value: Double) -> String {
    guard value.isFinite else { return value.isNaN ? "nan" : value > 0 ? "inf" : "-inf" }
    let text = String(format: "%.0f", value)
    return text == "-0" ? "0" : text
}
