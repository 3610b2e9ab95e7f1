import Foundation
import NeuralNetworks
import Tensors

/// A GAN with both optimizers, its random generator and every step's record: what `trainGAN` returns.
public final class TrainedGAN: CellObject {
    public static let typeName = "TrainedGAN"

    public let trainer: GAN.Trainer
    public var random: RandomGenerator
    public var history: GAN.History

    init(trainer: GAN.Trainer, random: RandomGenerator, history: GAN.History) {
        self.trainer = trainer
        self.random = random
        self.history = history
    }

    public var gan: GAN { trainer.gan }

    public var summary: String {
        "GAN, \(gan.configuration.generatorLoss == .nonSaturating ? "non-saturating" : "saturating") generator loss, \(history.epochSeconds.count) epochs"
    }

    public func checkpoint() -> Safetensors {
        // G's running batch statistics are saved with the weights: sampling normalises with them.
        var checkpoint = Safetensors(parameters: gan.parameters + gan.state)
        checkpoint.tensors.merge(trainer.generatorOptimizer.momentTensors(prefix: "adam.generator")) { first, _ in first }
        checkpoint.tensors.merge(trainer.discriminatorOptimizer.momentTensors(prefix: "adam.discriminator")) { first, _ in first }
        let state = State(
            configuration: gan.configuration, learningRate: trainer.generatorOptimizer.learningRate,
            generatorSteps: trainer.generatorOptimizer.stepCount, discriminatorSteps: trainer.discriminatorOptimizer.stepCount,
            random: random.state, stepsPerEpoch: history.stepsPerEpoch, epochSeconds: history.epochSeconds,
            records: history.steps.map { [$0.cost, $0.discriminatorLoss, $0.generatorLoss, $0.meanRealScore, $0.meanFakeScore] }
        )
        checkpoint.setMetadata("state", to: state)
        return checkpoint
    }

    public static func restore(from checkpoint: Safetensors) throws -> TrainedGAN {
        let state = try checkpoint.metadata("state", as: State.self, of: "a TrainedGAN")
        var random = RandomGenerator(seed: 0)
        let trainer = GAN.Trainer(gan: GAN(state.configuration, random: &random), learningRate: state.learningRate)
        try checkpoint.parametersOnly.load(into: trainer.gan.parameters + trainer.gan.state, source: "TrainedGAN checkpoint")
        try trainer.generatorOptimizer.restoreMoments(from: checkpoint.tensors, prefix: "adam.generator", source: "TrainedGAN checkpoint")
        try trainer.discriminatorOptimizer.restoreMoments(from: checkpoint.tensors, prefix: "adam.discriminator", source: "TrainedGAN checkpoint")
        trainer.generatorOptimizer.stepCount = state.generatorSteps
        trainer.discriminatorOptimizer.stepCount = state.discriminatorSteps
        random.state = state.random
        var history = GAN.History(stepsPerEpoch: state.stepsPerEpoch)
        history.epochSeconds = state.epochSeconds
        history.steps = state.records.map {
            GAN.StepRecord(cost: $0[0], discriminatorLoss: $0[1], generatorLoss: $0[2], meanRealScore: $0[3], meanFakeScore: $0[4])
        }
        return TrainedGAN(trainer: trainer, random: random, history: history)
    }

    private struct State: Codable {
        var configuration: GAN.Configuration
        var learningRate: Float
        var generatorSteps: Int, discriminatorSteps: Int
        var random: [UInt64]
        var stepsPerEpoch: Int
        var epochSeconds: [Double]
        var records: [[Double]]
    }
}

/// A classifier trained on the data, used to judge generated images: what `trainClassifier` returns.
public final class TrainedClassifier: CellObject {
    public static let typeName = "TrainedClassifier"

    public let classifier: Classifier
    public let classNames: [String]
    /// The accuracy on the test images, measured after training.
    public let testAccuracy: Double

    init(classifier: Classifier, classNames: [String], testAccuracy: Double) {
        self.classifier = classifier
        self.classNames = classNames
        self.testAccuracy = testAccuracy
    }

    public var summary: String { "classifier, test accuracy \(String(format: "%.1f", testAccuracy * 100))%" }

    public func checkpoint() -> Safetensors {
        Safetensors(parameters: classifier.parameters, metadata: [
            "classNames": classNames.joined(separator: "\n"), "testAccuracy": String(testAccuracy.bitPattern),
        ])
    }

    public static func restore(from checkpoint: Safetensors) throws -> TrainedClassifier {
        guard let names = checkpoint.metadata["classNames"], let bits = checkpoint.metadata["testAccuracy"].flatMap(UInt64.init) else {
            throw CheckpointError("a TrainedClassifier checkpoint without its class names")
        }
        let classNames = names.components(separatedBy: "\n")
        var random = RandomGenerator(seed: 0)
        let classifier = Classifier(classCount: classNames.count, generator: &random)
        try checkpoint.load(into: classifier.parameters, source: "TrainedClassifier checkpoint")
        return TrainedClassifier(classifier: classifier, classNames: classNames, testAccuracy: Double(bitPattern: bits))
    }
}
