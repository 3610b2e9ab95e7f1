import Foundation
import Outputs
import TestSupport
import Testing
@testable import Figures

/// The sink is process-wide, so these tests run one at a time.
@Suite(.serialized) struct DisplayTests {
    struct Boom: Error {}

    @Test func captureCollectsItemsInOrder() {
        let (result, items) = Display.capture {
            Display.show(text: "one")
            Display.show(metrics: [Metric(name: "loss", value: 1.5, unit: "nats")])
            return 42
        }
        #expect(result == 42)
        #expect(items == [.text("one"), .metrics([Metric(name: "loss", value: 1.5, unit: "nats")])])
    }

    @Test func nestedCapturesKeepTheirOwnItems() {
        let (inner, outer) = Display.capture {
            Display.show(text: "outer before")
            let (_, inner) = Display.capture { Display.show(text: "inner") }
            Display.show(text: "outer after")
            return inner
        }
        #expect(inner == [.text("inner")])
        #expect(outer == [.text("outer before"), .text("outer after")])
    }

    @Test func aThrowingCaptureRestoresTheOuterOne() throws {
        let (_, outer) = Display.capture {
            Display.show(text: "kept")
            #expect(throws: Boom.self) {
                try Display.capture { () throws(Boom) -> Void in
                    Display.show(text: "dropped")
                    throw Boom()
                }
            }
            Display.show(text: "also kept")
        }
        #expect(outer == [.text("kept"), .text("also kept")])
    }

    /// Captures running at the same time on different tasks keep their items apart.
    @Test func concurrentCapturesDoNotMix() async {
        let results = await withTaskGroup(of: (Int, [DisplayItem]).self) { group in
            for index in 0..<8 {
                group.addTask {
                    let (_, items) = Display.capture {
                        for repeat_ in 0..<50 { Display.show(text: "\(index)-\(repeat_)") }
                    }
                    return (index, items)
                }
            }
            return await group.reduce(into: [Int: [DisplayItem]]()) { $0[$1.0] = $1.1 }
        }
        for (index, items) in results {
            #expect(items == (0..<50).map { .text("\(index)-\($0)") })
        }
    }

    @Test func uncapturedFiguresAreWrittenAsFiles() throws {
        let folder = NSTemporaryDirectory() + "display-tests-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let previous = Display.figureFolder
        Display.figureFolder = folder
        defer { Display.figureFolder = previous }
        let grid = ImageGrid(pixels: [0, 1, 1, 0], imageRows: 2, imageColumns: 2)
        Display.show(.imageGrid(grid, caption: "Samples, epoch 3", altText: "four pixels"))
        Display.show(.chart(.line(SampleCharts.losses), caption: "Loss", altText: "falling"))
        let files = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        #expect(files.count == 2)
        let png = try #require(files.first { $0.hasSuffix("-samples-epoch-3.png") })
        #expect(try PNGDecoder.decode(Array(Data(contentsOf: URL(fileURLWithPath: folder + "/" + png)))) == grid.raster())
        #expect(files.contains { $0.hasSuffix("-loss.svg") })
    }

    @Test func uncapturedTextForms() {
        let table = Table(header: ["class", "accuracy"], rows: [["Bag", "0.97"], ["Shirt", "0.61"]])
        #expect(Display.uncapturedOutput(.table(table), folder: "/f", figureNumber: 0).text == "class  accuracy\n─────  ────────\nBag        0.97\nShirt      0.61\n")
        #expect(Display.uncapturedOutput(.metrics([Metric(name: "test loss", value: 243.87123, unit: "nats"),
                                                   Metric(name: "accuracy", value: 91.2, unit: "%"), Metric(name: "FID", value: .nan)]),
                                         folder: "/f", figureNumber: 0).text == "test loss: 243.871 nats\naccuracy: 91.2%\nFID: nan\n")
        let figure = Display.uncapturedOutput(.chart(.bar(SampleCharts.counts), caption: "Mode coverage (generated)", altText: ""),
                                              folder: "/out", figureNumber: 7)
        #expect(figure.text == "Figure 7: Mode coverage (generated) → /out/figure-7-mode-coverage-generated.svg\n")
        #expect(figure.file?.path == "/out/figure-7-mode-coverage-generated.svg")
    }
}
