import Figures
import Foundation
import LessonModel
import LessonParser
import Outputs
@testable import HTMLSite

/// The fixture course under `Fixtures/course`: two real lessons parsed with `LessonParser`,
/// and the results a runner could have produced for them, made from formulas so they are the
/// same on every run.
enum FixtureCourse {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/course")

    static let info = CourseInfo(title: "Generative models in Swift", subtitle: "Variational autoencoders and GANs, built and run in Swift.")

    /// Parses `Lessons/<name>` of the fixture course.
    static func parse(_ name: String) throws -> Lesson {
        try LessonParser(repositoryRoot: root.path).parse(fileAt: "Lessons/" + name).lesson
    }

    /// Both lessons with fabricated results; lesson 1's latent explorer is `explorer`.
    static func executedLessons(explorer: LatentExplorer = FixtureExplorer.explorer) throws -> [ExecutedLesson] {
        let first = try parse("01-codes.md")
        let second = try parse("02-vae-loss.md")
        return [
            ExecutedLesson(lesson: first, cells: [
                cell("codes", status: .cached, seconds: 0.0421, lesson: 1, outputs: [.chart(.scatter(codesScatter), caption: "", altText: "")]),
                cell("explorer", status: .ran, seconds: 0.12, lesson: 1, outputs: [
                    .latentExplorer(explorer, caption: "Point at a code to decode it", altText: "A plane of codes; the image decoded from the code under the pointer"),
                ]),
            ]),
            ExecutedLesson(lesson: second, cells: [
                cell("train", status: .ran, seconds: 83.4, lesson: 2, outputs: [
                    .text("epoch 1/5  loss 298.41\nepoch 5/5  loss 251.07\n"),
                    .chart(.line(lossChart), caption: "Training loss", altText: "The reconstruction term falls from 290 to 240 nats over five epochs while the KL term rises to 6."),
                    .metrics([Metric(name: "test loss", value: 243.871, unit: "nats"), Metric(name: "KL term", value: 6.02, unit: "nats")]),
                ]),
                cell("samples", status: .cached, seconds: 0.9, lesson: 2, outputs: [
                    .imageGrid(samplesGrid, caption: "Sixteen decoded samples", altText: "Sixteen blurry ring-shaped images decoded from random codes."),
                ]),
                cell("per-class", status: .ran, seconds: 1.25, lesson: 2, outputs: [
                    .table(Table(header: ["class", "error", "share"], rows: [["T-shirt", "12.5", "9.8%"], ["Trouser", "7.25", "10.1%"], ["Bag", "15.0", "10.0%"]])),
                ]),
                ExecutedCell(cellID: "diverge", status: .failed(.error(
                    at: SourceLocation(file: "Lessons/02-vae-loss.md", line: 62, column: 1),
                    "training diverged at epoch 1: the loss became NaN", hint: "lower the learning rate, e.g. learningRate: 1e-3")),
                    outputs: [.text("epoch 1/1  loss nan\n")], seconds: 0.31, cacheKey: "0000000000000005"),
                ExecutedCell(cellID: "after", status: .skipped(dependency: "diverge"), outputs: [], seconds: 0, cacheKey: ""),
            ]),
        ]
    }

    static func cell(_ id: String, status: ExecutedCell.Status, seconds: Double, lesson: Int, outputs: [DisplayItem]) -> ExecutedCell {
        ExecutedCell(cellID: id, status: status, outputs: outputs, seconds: seconds,
                     cacheKey: String(repeating: "ab", count: 8))
    }

    static var lossChart: LineChart {
        let reconstruction = (0..<5).map { 290 - 50 * (1 - exp(-Double($0) / 1.5)) }
        let kl = (0..<5).map { 6 * (1 - exp(-Double($0))) }
        return LineChart(title: "Loss per epoch", xLabel: "epoch", yLabel: "nats",
                         series: [.init(name: "reconstruction", values: reconstruction), .init(name: "KL", values: kl)])
    }

    static var codesScatter: ScatterPlot {
        // Points on a sunflower spiral, split into three classes by angle.
        let indices = (0..<200).map(Double.init)
        let angle = indices.map { $0 * 2.399963 }
        let radius = indices.map { 2.5 * ($0 / 200).squareRoot() }
        return ScatterPlot(title: "Codes", xLabel: "z₁", yLabel: "z₂",
                           x: zip(radius, angle).map { $0 * cos($1) }, y: zip(radius, angle).map { $0 * sin($1) },
                           classes: angle.map { Int($0.truncatingRemainder(dividingBy: 2 * .pi) / (2 * .pi / 3)) % 3 },
                           classNames: ["T-shirt", "Trouser", "Bag"])
    }

    static var samplesGrid: ImageGrid {
        // Rings of growing radius, softly blurred, like a decoder's early samples.
        let images = (0..<16).map { index -> [Float] in
            let ringRadius = 4 + Double(index % 8)
            return (0..<(28 * 28)).map { pixel in
                let dx = Double(pixel % 28) - 13.5, dy = Double(pixel / 28) - 13.5
                let distance = (dx * dx + dy * dy).squareRoot()
                return Float(exp(-pow(distance - ringRadius, 2) / (index < 8 ? 4 : 9)))
            }
        }
        let names = ["T-shirt", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker"]
        return ImageGrid(images: images, imageRows: 28, imageColumns: 28, gridColumns: 8, labels: names + names)
    }
}
