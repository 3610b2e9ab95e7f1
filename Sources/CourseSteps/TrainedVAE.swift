import Foundation
import NeuralNetworks
import Tensors

/// A VAE with its optimizer, random generator and training history: what `trainVAE` returns.
public final class TrainedVAE: CellObject {
    public static let typeName = "TrainedVAE"

    public let vae: VAE
    public let optimizer: Adam
    /// The generator that continues the training run's stream (sampling, evaluation).
    public var random: RandomGenerator
    public var history: VAE.History

    init(vae: VAE, optimizer: Adam, random: RandomGenerator, history: VAE.History) {
        self.vae = vae
        self.optimizer = optimizer
        self.random = random
        self.history = history
    }

    public var summary: String {
        "\(vae.configuration.variational ? "VAE" : "autoencoder"), latent size \(vae.configuration.latentSize), \(history.reconstruction.count) epochs"
    }

    public func checkpoint() -> Safetensors {
        var checkpoint = Safetensors(parameters: vae.parameters)
        checkpoint.tensors.merge(optimizer.momentTensors(prefix: "adam")) { first, _ in first }
        let state = State(configuration: vae.configuration, learningRate: optimizer.learningRate, adamSteps: optimizer.stepCount,
                          random: random.state, reconstruction: history.reconstruction, kl: history.kl, epochSeconds: history.epochSeconds)
        checkpoint.setMetadata("state", to: state)
        return checkpoint
    }

    public static func restore(from checkpoint: Safetensors) throws -> TrainedVAE {
        let state = try checkpoint.metadata("state", as: State.self, of: "a TrainedVAE")
        var random = RandomGenerator(seed: 0)
        let vae = VAE(state.configuration, generator: &random)
        try checkpoint.parametersOnly.load(into: vae.parameters, source: "TrainedVAE checkpoint")
        let optimizer = Adam(parameters: vae.parameters, learningRate: state.learningRate)
        optimizer.stepCount = state.adamSteps
        try optimizer.restoreMoments(from: checkpoint.tensors, prefix: "adam", source: "TrainedVAE checkpoint")
        random.state = state.random
        return TrainedVAE(vae: vae, optimizer: optimizer, random: random,
                          history: VAE.History(reconstruction: state.reconstruction, kl: state.kl, epochSeconds: state.epochSeconds))
    }

    private struct State: Codable {
        var configuration: VAE.Configuration
        var learningRate: Float
        var adamSteps: Int
        var random: [UInt64]
        var reconstruction: [Double], kl: [Double], epochSeconds: [Double]
    }
}
