import Figures
import NeuralNetworks
import Outputs
import Testing
@testable import CourseSteps

@Suite struct TrainedVAETests {
    func train(seed: Int) throws -> (TrainedVAE, [DisplayItem]) {
        let data = try fashionMNIST(trainingLimit: 300)
        let (model, items) = try Display.capture { () throws -> TrainedVAE in try trainVAE(on: data, latentSize: 2, epochs: 2, batchSize: 64, seed: seed) }
        return (model, items)
    }

    @Test func sameSeedGivesBitIdenticalWeightsAndFigures() throws {
        let (first, firstItems) = try train(seed: 3)
        let (second, secondItems) = try train(seed: 3)
        #expect(first.checkpoint().tensors == second.checkpoint().tensors)
        #expect(first.random == second.random)
        #expect(firstItems.map(\.contentHash) == secondItems.map(\.contentHash))
        let (other, _) = try train(seed: 4)
        #expect(other.checkpoint().tensors != first.checkpoint().tensors)
    }

    @Test func trainingLowersTheLoss() throws {
        let (model, items) = try train(seed: 5)
        #expect(model.history.reconstruction[1] < model.history.reconstruction[0])
        #expect(items.count == 1 && items.first?.figureFileExtension == "svg", "expected one loss chart, got \(items.count) items")
    }

    @Test func checkpointRestoresEverything() throws {
        let (model, _) = try train(seed: 6)
        let restored = try TrainedVAE.restore(from: try Safetensors(data: model.checkpoint().serialized(), source: "memory"))
        #expect(restored.checkpoint().serialized() == model.checkpoint().serialized())
        #expect(restored.random == model.random)
        #expect(restored.optimizer.stepCount == model.optimizer.stepCount)
    }
}
