import Figures
import Foundation
import LessonModel
import LessonParser
import Outputs
import Testing
@testable import LessonRunner

/// `course verify` measures how far a rerun output is from the cached one, in the output's own
/// terms, and judges it against the cell's tolerance.
struct VerifyDifferenceTests {
    static func grid(_ pixels: [Float], labels: [String]? = nil) -> DisplayItem {
        .imageGrid(ImageGrid(pixels: pixels, imageRows: 2, imageColumns: 2, gridColumns: pixels.count / 4, labels: labels),
                   caption: "images", altText: "images")
    }

    static func line(_ y: [Double], name: String = "loss", caption: String = "loss") -> DisplayItem {
        .chart(.line(LineChart(title: "Loss", xLabel: "epoch", yLabel: "nats",
                               series: [.init(name: name, x: (1...y.count).map(Double.init), y: y)])),
               caption: caption, altText: caption)
    }

    @Test func imageGridsCompareByLargestAndMeanPixelDifference() throws {
        let cached = Self.grid([0, 0.5, 1, 0.25, 0, 0, 0, 0])
        #expect(OutputDifference.between(cached, cached) == nil)
        let moved = try #require(OutputDifference.between(Self.grid([0, 0.75, 1, 0.25, 0, 0, 0, 0.125]), cached))
        #expect(moved == .pixels(largest: 0.25, mean: 0.375 / 8))
        #expect(moved.description == "largest pixel difference 0.25 (64 of 255 levels), mean 0.0469")
        #expect(OutputDifference.between(Self.grid([0, 0, 0, 0]), cached)
            == .structure("1 images of 2×2, cached 2 of 2×2"))
        #expect(OutputDifference.between(Self.grid([0, 0.5, 1, 0.25], labels: ["a"]), Self.grid([0, 0.5, 1, 0.25], labels: ["b"]))
            == .structure("the image labels differ"))
    }

    @Test func chartsCompareByTheLargestRelativeDifferenceInTheirData() throws {
        let cached = Self.line([300, 250, 200])
        let moved = try #require(OutputDifference.between(Self.line([300, 250.5, 200]), cached))
        #expect(moved == .values(largestRelative: 0.5 / 250.5, at: "series 'loss'"))
        #expect(OutputDifference.between(Self.line([300, 250]), cached) == .structure("series 'loss' has 2 points, cached 3"))
        #expect(OutputDifference.between(Self.line([300, 250, 200], name: "kl"), cached) == .structure("the series are 'kl', cached 'loss'"))
        // The same numbers under another caption: no number explains it.
        #expect(OutputDifference.between(Self.line([300, 250, 200], caption: "other"), cached)
            == .structure("the same data under another caption, alt text or label"))
    }

    /// Near zero, a difference is measured against a thousandth of the series' largest value,
    /// so the last digits of a curve that reaches zero do not count as a large change.
    @Test func aValueNearZeroIsMeasuredAgainstItsSeriesScale() throws {
        let moved = try #require(OutputDifference.between(Self.line([100, 1e-9]), Self.line([100, 2e-9])))
        #expect(moved.size < 1e-7, "1e-9 against 100 / 1000, not against 2e-9")
    }

    @Test func metricsTablesAndTextsCompareByTheirNumbers() throws {
        let cached = DisplayItem.metrics([Metric(name: "test loss", value: 243.871)])
        let close = try #require(OutputDifference.between(.metrics([Metric(name: "test loss", value: 243.871 * (1 + 1e-9))]), cached))
        #expect(close.size < 2e-9 && close.size > 0)
        let far = try #require(OutputDifference.between(.metrics([Metric(name: "test loss", value: 244)]), cached))
        #expect(far.description == "largest relative difference 0.000529, in 'test loss' (244, cached 243.871)")
        #expect(OutputDifference.between(.metrics([Metric(name: "accuracy", value: 1)]), cached)
            == .structure("the metrics are 'accuracy', cached 'test loss'"))
        let table = { (distance: String) in DisplayItem.table(Table(header: ["model", "distance"], rows: [["GAN", distance]])) }
        #expect(OutputDifference.between(table("12.5"), table("10.0")) == .values(largestRelative: 0.2, at: "row 1, column 'distance' (12.5, cached 10.0)"))
        #expect(OutputDifference.between(.text("loss 2.5 after 3 epochs"), .text("loss 2.0 after 3 epochs"))
            == .values(largestRelative: 0.2, at: "the numbers of the text"))
        #expect(OutputDifference.between(.text("a"), .text("b")) == .structure("the text differs in its words, not only its numbers"))
        #expect(OutputDifference.between(.text("a"), cached) == .structure("a text, cached a metrics"))
    }

    @Test func aNaNAgainstANumberIsAnInfiniteDifference() throws {
        let moved = try #require(OutputDifference.between(Self.line([300, .nan]), Self.line([300, 250])))
        #expect(moved.size == .infinity)
        #expect(OutputDifference.between(Self.line([300, .nan]), Self.line([300, .nan])) == nil)
    }

    @Test func theCellsToleranceWinsOverTheLessonsAndTheStandardOne() throws {
        let lesson = try #require(Self.lesson(frontMatterDefaults: "tolerance: 0.01", cellAttributes: ["tolerance=0.2", ""]))
        #expect(VerifyTolerance(cell: lesson.cells[0], lesson: lesson).fraction == 0.2)
        #expect(VerifyTolerance(cell: lesson.cells[1], lesson: lesson).fraction == 0.01)
        let plain = try #require(Self.lesson(frontMatterDefaults: nil, cellAttributes: [""]))
        #expect(VerifyTolerance(cell: plain.cells[0], lesson: plain).fraction == VerifyTolerance.standard)

        let tolerance = VerifyTolerance(fraction: 0.01)
        #expect(tolerance.verdict(on: nil) == .identical)
        #expect(tolerance.verdict(on: .pixels(largest: 0.005, mean: 0.001)) == .withinTolerance(.pixels(largest: 0.005, mean: 0.001), tolerance: 0.01))
        #expect(tolerance.verdict(on: .pixels(largest: 0.5, mean: 0.001)) == .different(.pixels(largest: 0.5, mean: 0.001), tolerance: 0.01))
        #expect(tolerance.verdict(on: .structure("x")) == .different(.structure("x"), tolerance: 0.01))
    }

    static func lesson(frontMatterDefaults: String?, cellAttributes: [String]) -> Lesson? {
        let defaults = frontMatterDefaults.map { "defaults:\n  \($0)\n" } ?? ""
        let cells = cellAttributes.enumerated().map { index, attributes in
            "```swift cell id=c\(index) \(attributes)\nlet x\(index) = fashionMNIST(trainingLimit: 10)\n```\n"
        }
        let source = "---\ntitle: T\nsummary: S\n\(defaults)---\n\n# T\n\n" + cells.joined(separator: "\n")
        return try? LessonParser(repositoryRoot: "/tmp").parse(bytes: Array(source.utf8), path: "Lessons/01-t.md").lesson
    }
}

extension VerifyDifferenceTests {
    static func explorer(weights: [Float], hidden: Int = 2, codes: [Float] = [0, 0, 1, -1]) -> DisplayItem {
        let decoder: [NetworkLayer] = [
            .linear(inputSize: 2, outputSize: hidden, weights: weights, bias: [Float](repeating: 0.5, count: hidden)), .relu,
            .linear(inputSize: hidden, outputSize: 4, weights: [Float](repeating: 0.25, count: 4 * hidden), bias: [0, 0, 0, 0]), .sigmoid,
        ]
        return .latentExplorer(LatentExplorer(decoder: decoder, imageRows: 2, imageColumns: 2, codes: codes, classes: [0, 1], classNames: ["a", "b"],
                                              interpolationEnds: [0, 1], endImages: [Float](repeating: 0.5, count: 8)),
                               caption: "explore", altText: "explore")
    }

    /// Latent explorers compare by their numbers: the decoder's weights and the codes.
    @Test func latentExplorersCompareByTheirWeightsAndCodes() throws {
        let cached = Self.explorer(weights: [1, 2, 3, 4])
        #expect(OutputDifference.between(cached, cached) == nil)
        #expect(try #require(OutputDifference.between(Self.explorer(weights: [1, 2, 3, 4.5]), cached))
            == .values(largestRelative: 0.5 / 4.5, at: "the weights of the decoder's layer 1"))
        #expect(try #require(OutputDifference.between(Self.explorer(weights: [1, 2, 3, 4], codes: [0, 0, 1, -1.25]), cached))
            == .values(largestRelative: 0.25 / 1.25, at: "the explorer's codes"))
        #expect(OutputDifference.between(Self.explorer(weights: [Float](repeating: 1, count: 6), hidden: 3), cached)
            == .structure("a decoder 2→3→4, cached 2→2→4"))
        #expect(OutputDifference.between(Self.grid([0, 0, 0, 0]), cached) == .structure("a figure (png) \"images\", cached a latent explorer"))
    }
}
