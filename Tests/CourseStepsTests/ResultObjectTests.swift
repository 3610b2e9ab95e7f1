import NeuralNetworks
import Testing
@testable import CourseSteps

/// The measurements steps return (class counts, discriminator scores, a comparison) say what
/// their documentation says and come back whole from a checkpoint.
@Suite struct ResultObjectTests {
    static let names = ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"]

    @Test func classCountsCountCoverAndShare() {
        // 150 coats, 40 dresses, 8 bags, 2 sandals: the sandals hold exactly 1% of 200.
        let predicted = Array(repeating: 4, count: 150) + Array(repeating: 3, count: 40) + Array(repeating: 8, count: 8) + [5, 5]
        let counts = ClassCounts(predicted: predicted, classNames: Self.names)
        #expect(counts.total == 200 && counts.classesSeen == 4 && counts.covered == 4)
        #expect(counts.mostCommon == "Coat" && counts.largestShare == 0.75 && counts.topThreeShare == 0.99)
        #expect(counts.summary == "4 of 10 classes in 200 samples; most common coat (75%)")
        #expect(counts.breakdown == "coat 150, dress 40, bag 8, sandal 2, and none of T-shirt/top, trouser, pullover, shirt, sneaker or ankle boot")
        #expect(ClassCounts(predicted: Array(repeating: 1, count: 1_010), classNames: ["Trouser", "Bag"]).breakdown == "bag 1,010, and none of trouser")
        let one = ClassCounts(predicted: Array(repeating: 0, count: 199) + [1], classNames: Self.names)
        #expect(one.classesSeen == 2 && one.covered == 1, "one sample in 200 is not 1%")
        let none = ClassCounts(predicted: [], classNames: Self.names)
        #expect(none.total == 0 && none.covered == 0 && none.largestShare == 0 && none.summary == "no samples")
    }

    @Test func scoreSummaryShares() {
        let scores = ScoreSummary(record: .init(real: [0.1, 0.5, 0.96, 0.99], generated: [0.05, 0.15, 0.6, .nan]))
        #expect(scores.realBelowOneFifth == 0.25 && scores.generatedBelowOneFifth == 0.5)
        #expect(scores.realAboveOneHalf == 0.5 && scores.generatedAboveOneHalf == 0.25 && scores.realAboveNineteenTwentieths == 0.5)
        #expect(abs(scores.meanReal - 0.6375) < 1e-12 && scores.meanGenerated.isNaN)
    }

    @Test func recordsComeBackFromTheirCheckpoints() throws {
        let counts = ClassCounts(predicted: [1, 1, 2], classNames: Self.names)
        let comparison = ModelComparison(record: .init(count: 3, vaeDistance: 85.5, ganDistance: 234.25, vaeClasses: counts.record, ganClasses: counts.record))
        let restored = try ModelComparison.restore(from: try Safetensors(data: comparison.checkpoint().serialized(), source: "memory"))
        #expect(restored.record == comparison.record && restored.ganClasses.mostCommon == "Trouser")
        #expect(restored.checkpoint().serialized() == comparison.checkpoint().serialized())
        #expect(throws: CheckpointError.self) { try ScoreSummary.restore(from: Safetensors()) }
    }
}
