import Figures
import Foundation
import Outputs
import TestSupport
import Testing
@testable import TerminalStepper

@Suite struct FigureTerminalFormsTests {
    let tiny = Raster(width: 2, height: 3, colorModel: .rgb, bytes: [
        255, 0, 0, 0, 255, 0,
        0, 0, 255, 255, 255, 255,
        10, 20, 30, 40, 50, 60,
    ])

    @Test func trueColorHalfBlocks() {
        let escape = "\u{1B}["
        let expected = "\(escape)38;2;255;0;0m\(escape)48;2;0;0;255m▀\(escape)38;2;0;255;0m\(escape)48;2;255;255;255m▀\(escape)0m\n"
            + "\(escape)38;2;10;20;30m▀\(escape)38;2;40;50;60m▀\(escape)0m\n"
        #expect(tiny.halfBlocks(colors: .trueColor) == expected)
    }

    @Test func palette256() {
        #expect(TerminalColor.paletteIndex(RGBColor(red: 255, green: 0, blue: 0)) == 196)
        #expect(TerminalColor.paletteIndex(RGBColor(gray: 0)) == 16)
        #expect(TerminalColor.paletteIndex(RGBColor(gray: 255)) == 231)
        #expect(TerminalColor.paletteIndex(RGBColor(gray: 128)) == 244)
        #expect(tiny.halfBlocks(colors: .indexed256).hasPrefix("\u{1B}[38;5;196m\u{1B}[48;5;21m▀"))
    }

    @Test func withoutColorsThereAreNoEscapes() {
        let text = Raster(width: 3, height: 2, colorModel: .grayscale, bytes: [0, 128, 255, 0, 128, 255]).halfBlocks(colors: .none)
        #expect(text == " ▒█\n")
        for chart in SampleCharts.all {
            #expect(!chart.terminalText(width: 60, height: 18, colors: .none).contains("\u{1B}"), "\(chart.title)")
        }
    }

    @Test func kittyChunksCarryThePNG() throws {
        var state: UInt32 = 1
        let noise = (0..<128 * 128).map { _ -> UInt8 in
            state = state &* 1_664_525 &+ 1_013_904_223
            return UInt8(state >> 24)
        }
        let big = Raster(width: 128, height: 128, colorModel: .grayscale, bytes: noise)
        let sequence = big.kittyGraphics(columns: 20)
        let chunks = sequence.dropLast().components(separatedBy: "\u{1B}\\").filter { !$0.isEmpty }
        #expect(chunks.count > 1)
        var payload = ""
        for (index, chunk) in chunks.enumerated() {
            #expect(chunk.hasPrefix("\u{1B}_G"))
            let parts = chunk.dropFirst(3).split(separator: ";", maxSplits: 1)
            let keys = parts[0], data = parts[1]
            #expect(data.count <= 4096)
            #expect(keys.hasSuffix(index == chunks.count - 1 ? "m=0" : "m=1"))
            if index == 0 { #expect(keys == "a=T,f=100,q=2,c=20,m=1") }
            payload += data
        }
        #expect(Data(base64Encoded: payload).map(Array.init) == big.pngData())
    }

    @Test func iTerm2InlineImage() throws {
        let sequence = tiny.iTerm2InlineImage(columns: 10)
        let png = tiny.pngData()
        #expect(sequence.hasPrefix("\u{1B}]1337;File=inline=1;size=\(png.count);width=10;preserveAspectRatio=1:"))
        #expect(sequence.hasSuffix("\u{07}\n"))
        let base64 = sequence.dropFirst(sequence.distance(from: sequence.startIndex, to: sequence.firstIndex(of: ":")!) + 1).dropLast(2)
        #expect(Data(base64Encoded: String(base64)).map(Array.init) == png)
    }

    @Test func sixelOfKnownPixels() {
        let black = Raster(width: 2, height: 6, colorModel: .grayscale, bytes: [UInt8](repeating: 0, count: 12))
        #expect(black.sixel() == "\u{1B}Pq\"1;1;2;6#0;2;0;0;0#0~~-\u{1B}\\\n")
        // A white top row over black: two colors in one band, the second run-length encoded.
        let split = Raster(width: 5, height: 2, colorModel: .grayscale, bytes: [255, 255, 255, 255, 255, 0, 0, 0, 0, 0])
        #expect(split.sixel() == "\u{1B}Pq\"1;1;5;2#0;2;0;0;0#63;2;100;100;100#63!5@$#0!5A-\u{1B}\\\n")
    }

    @Test func brailleCanvasDrawsADiagonal() {
        var canvas = BrailleCanvas(columns: 2, rows: 1)
        canvas.line(from: (0, 3), to: (3, 0), color: 0)
        // Dots (0,3) and (1,2) in the first cell: bits 0x40 and 0x20; (2,1) and (3,0) in the second: 0x02 and 0x08.
        #expect(canvas.lines(colors: .none) { _ in RGBColor(gray: 0) } == ["\u{2860}\u{280A}"])
    }

    @Test func brailleLineChartRisesLeftToRight() throws {
        let chart = LineChart(title: "Rising", xLabel: "x", yLabel: "y", series: [.init(name: "", x: [0, 10], y: [0, 10])])
        let text = chart.braille(width: 30, height: 12, colors: .none)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[0].trimmingCharacters(in: .whitespaces) == "Rising")
        #expect(lines[1].hasSuffix("↑ y"))
        let plotRows = lines.filter { $0.contains("┤") || $0.contains("│") }
        #expect(plotRows.first!.hasPrefix("10 ┤"))
        #expect(plotRows.last!.hasPrefix(" 0 ┤"))
        // The top row's dots are at its right end, the bottom row's at its left end.
        func dotColumns(_ row: String) -> [Int] {
            row.unicodeScalars.split(separator: "┤").last.map { Array($0) }.map { scalars in
                scalars.indices.filter { scalars[$0].value > 0x2800 && scalars[$0].value <= 0x28FF }
            } ?? []
        }
        let top = dotColumns(plotRows.first!), bottom = dotColumns(plotRows.last!)
        #expect(!top.isEmpty && !bottom.isEmpty)
        #expect(top.min()! > bottom.max()!)
        #expect(lines.contains { $0.contains("└┬") })
        #expect(lines.contains { $0.hasSuffix("x →") })
        #expect(!text.contains("━"))  // a single unnamed series needs no legend
    }

    @Test func brailleMatchesGolden() throws {
        try golden.check(Chart.line(SampleCharts.losses).terminalText(width: 60, height: 16, colors: .none), against: "braille-line/expected.txt")
        try golden.check(Chart.bar(SampleCharts.counts).terminalText(width: 60, height: 16, colors: .none), against: "bars/expected.txt")
    }

    @Test func scatterLegendIsColored() {
        let text = SampleCharts.scatter.braille(width: 70, height: 20, colors: .trueColor)
        #expect(text.contains("\u{1B}[38;2;0;114;178m● \u{1B}[0m".replacingOccurrences(of: "● \u{1B}[0m", with: "●\u{1B}[0m T-shirt/top")))
    }

    @Test func imageGridHalfBlocksFitTheWidthWithLabels() {
        let grid = ImageGrid(pixels: (0..<10 * 784).map { Float($0 % 784) / 784 }, imageRows: 28, imageColumns: 28, gridColumns: 5,
                             labels: SampleCharts.names)
        let text = grid.halfBlocks(maxColumns: 60, colors: .trueColor)
        let lines = text.split(separator: "\n")
        #expect(lines.contains { $0.contains("T-shirt/to") })  // labels are cut to the image width (11)
        #expect(lines.contains { $0.contains("Ankle boot") })
        let plain = grid.halfBlocks(maxColumns: 60, colors: .none).split(separator: "\n")
        #expect(plain.allSatisfy { $0.count <= 60 })
    }
}
