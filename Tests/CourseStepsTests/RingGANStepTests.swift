import Figures
import NeuralNetworks
import Outputs
import Testing
@testable import CourseSteps

/// The 2-D GAN's steps: the ring they draw, the run they return, and the figure they show.
@Suite struct RingGANStepTests {
    func train(seed: Int, loss: GAN.GeneratorLoss = .nonSaturating) throws -> (RingOfGaussians, RingGANRun, [DisplayItem]) {
        let ring = try ringOfGaussians(count: 256, spread: 0.1, seed: 4)
        let (run, items) = try Display.capture { () throws -> RingGANRun in
            try trainRingGAN(on: ring, steps: 40, generatorLoss: loss, discriminatorSteps: 2, batchSize: 32, seed: seed)
        }
        return (ring, run, items)
    }

    @Test func theRingIsDrawnFromItsSeed() throws {
        let ring = try ringOfGaussians(count: 300, modes: 6, radius: 3, spread: 0.2, seed: 9)
        #expect(ring.points.shape == [300, 2] && ring.modes == 6 && ring.radius == 3 && ring.spread == 0.2)
        let restored = try RingOfGaussians.restore(from: try Safetensors(data: ring.checkpoint().serialized(), source: "memory"))
        #expect(restored.points == ring.points)
        #expect(try ringOfGaussians(count: 300, modes: 6, radius: 3, spread: 0.2, seed: 10).points != ring.points)
        #expect(throws: StepError.self) { try ringOfGaussians(count: 8) }
    }

    @Test func aShortRunShowsSixPanelsAndMeasuresEachOne() throws {
        let (ring, run, items) = try train(seed: 2)
        #expect(run.steps == 40 && run.record.panelSteps == [0, 8, 16, 24, 32, 40])
        #expect(run.record.panelClosePoints.count == 6 && run.record.panelClosePoints.allSatisfy { $0.count == 8 })
        #expect((0...8).contains(run.modesCovered) && run.mostModesCovered >= run.modesCovered)
        #expect((0...1).contains(run.highQualityShare) && run.largestModeShare <= run.highQualityShare)
        #expect(run.finalMeanFakeScore > 0 && run.finalMeanFakeScore < 1 && run.finalGeneratorLoss.isFinite)
        guard items.count == 2, case .chart(.smallMultiples(let figure), let caption, let altText) = items[0],
              case .metrics(let metrics) = items[1] else {
            Issue.record("expected a small-multiples chart and metrics, got \(items)")
            return
        }
        #expect(figure.panels.map(\.title) == ["step 0", "step 8", "step 16", "step 24", "step 32", "step 40"])
        #expect(figure.pointSetNames == ["real", "generated"] && figure.valueRange == 0...1 && figure.xRange == -3...3)
        #expect(figure.panels.allSatisfy { $0.values.allSatisfy { (0...1).contains($0) } && $0.pointSets[1].x.count == 500 })
        #expect(figure.panels[0].pointSets[0].x.count == 256, "every real point, up to 400")
        #expect(figure.panels.first?.pointSets[1] != figure.panels.last?.pointSets[1], "the generated points move")
        #expect(!caption.isEmpty && altText.contains("step 40") && altText.contains("of the 8 modes"))
        #expect(metrics.first?.name == "modes covered" && metrics.first?.value == Double(run.modesCovered))
        _ = ring
    }

    @Test func sameSeedGivesTheSameRunAndFigure() throws {
        let (_, first, firstItems) = try train(seed: 5)
        let (_, second, secondItems) = try train(seed: 5)
        #expect(first.record == second.record && firstItems == secondItems)
        let (_, other, _) = try train(seed: 6)
        #expect(other.record != first.record)
        let restored = try RingGANRun.restore(from: try Safetensors(data: first.checkpoint().serialized(), source: "memory"))
        #expect(restored.record == first.record && restored.modesCovered == first.modesCovered)
    }

    @Test func badArgumentsAreRejected() throws {
        let ring = try ringOfGaussians(count: 64, seed: 1)
        #expect(throws: StepError.self) { try trainRingGAN(on: ring, steps: 0) }
        #expect(throws: StepError.self) { try trainRingGAN(on: ring, discriminatorSteps: 11) }
        #expect(throws: StepError.self) { try trainRingGAN(on: ring, learningRate: 2) }
    }
}
