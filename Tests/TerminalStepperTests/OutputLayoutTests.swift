import Figures
import Foundation
import Outputs
import Testing
@testable import TerminalStepper

/// Cell outputs as terminal lines, and how images are shown on each kind of terminal.
struct OutputLayoutTests {
    private let grid = ImageGrid(images: [[Float](repeating: 0.5, count: 16), [Float](repeating: 1, count: 16)],
                                 imageRows: 4, imageColumns: 4, gridColumns: 2, padding: 1, scale: 2)
    private let trueColor = TerminalCapabilities(colors: .trueColor, styles: true, hyperlinks: false)

    private func layout(_ images: ImageOutput, capabilities: TerminalCapabilities? = nil, folder: String? = nil) -> OutputLayout {
        OutputLayout(capabilities: capabilities ?? trueColor, images: images, cellPixels: CellPixels(width: 2, height: 4),
                     figureFiles: folder.map(FigureFiles.init), maxFigureRows: 12)
    }

    private var item: DisplayItem { .imageGrid(grid, caption: "Two squares", altText: "A gray and a white square.") }

    @Test func graphicsProtocolsPlaceTheImageOverTheRowsItCovers() throws {
        for (output, introducer) in [(ImageOutput.kitty, "\u{1B}_G"), (.iterm, "\u{1B}]1337;File="), (.sixel, "\u{1B}P")] {
            let lines = layout(output).lines(for: item, fileName: "figure.png", width: 40)
            guard case .image(let placement) = lines.first else {
                Issue.record("\(output) did not place an image")
                continue
            }
            #expect(placement.sequence.hasPrefix(introducer))
            #expect(!placement.sequence.hasSuffix("\n"), "a newline could scroll the screen")
            // The raster is 2 * (2 * 4) + 3 = 19 pixels wide and 11 high: 10 columns of 2 pixels, 3 rows of 4.
            #expect(placement.rows == 3)
            #expect(lines.dropFirst().prefix(placement.rows - 1).allSatisfy { $0 == .imageRow })
            #expect(lines.last == .text(StyledText("Two squares", style: OutputLayout.captionStyle)))
        }
    }

    /// Text lines that fit are kept as they are; longer ones wrap between words, not inside
    /// them, keeping their indentation.
    @Test func textWrapsBetweenWordsKeepingIndentation() {
        let text = DisplayItem.text("a   b\n  alpha beta gamma delta\nsupercalifragilistic\n")
        let lines = layout(.none).lines(for: text, fileName: nil, width: 14)
        #expect(lines == ["a   b", "  alpha beta", "  gamma delta", "supercalifragi", "listic"].map { .text(StyledText($0)) })
    }

    @Test func halfBlocksUseTheTerminalsColors() {
        let lines = layout(.blocks).lines(for: item, fileName: "figure.png", width: 40)
        guard case .raw(let first) = lines.first else {
            Issue.record("expected half blocks")
            return
        }
        #expect(first.contains("▀") && first.contains("\u{1B}[38;2;"))
        let indexed = layout(.blocks, capabilities: TerminalCapabilities(colors: .indexed256, styles: true, hyperlinks: false))
            .lines(for: item, fileName: "figure.png", width: 40)
        guard case .raw(let line) = indexed.first else { return }
        #expect(line.contains("\u{1B}[38;5;") && !line.contains("38;2;"))
    }

    @Test func withoutImagesTheFigureIsSavedAndNamed() throws {
        let folder = (NSTemporaryDirectory() as NSString).appendingPathComponent("stepper-figures-\(UUID().uuidString.prefix(8))")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let lines = layout(.none, folder: folder).lines(for: item, fileName: item.figureFileName(lesson: "lesson", cellID: "cell", position: 1), width: 200)
        let path = folder + "/lesson-cell-1.png"
        #expect(lines.first == .text(StyledText("▣ figure saved to \(path)", style: TextStyle(bold: true))))
        let bytes = try #require(FileManager.default.contents(atPath: path))
        #expect(Array(bytes.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        #expect(lines.contains(.text(StyledText("A gray and a white square.", style: TextStyle(dim: true)))))
    }

    @Test func metricsAndTablesAreAligned() {
        let metrics = layout(.none).lines(for: .metrics([Metric(name: "KL", value: 12.5, unit: "nats"), Metric(name: "accuracy", value: 91, unit: "%")]),
                                          fileName: nil, width: 40)
        #expect(metrics.map { if case .text(let text) = $0 { text.plainText } else { "" } } == ["KL        12.5 nats", "accuracy  91%"])
        let table = layout(.none).lines(for: .table(Table(header: ["class", "count"], rows: [["shoe", "7"], ["bag", "120"]])), fileName: nil, width: 40)
        #expect(table.map { if case .text(let text) = $0 { text.plainText } else { "" } } == ["class  count", "─────  ─────", "shoe       7", "bag      120"])
    }

    @Test func imageOutputIsDetectedFromTheEnvironment() {
        let colors = trueColor
        #expect(ImageOutput.detect(environment: ["TERM": "xterm-kitty"], capabilities: colors) == .kitty)
        #expect(ImageOutput.detect(environment: ["TERM": "xterm-256color", "TERM_PROGRAM": "iTerm.app"], capabilities: colors) == .iterm)
        #expect(ImageOutput.detect(environment: ["TERM": "foot"], capabilities: colors) == .sixel)
        #expect(ImageOutput.detect(environment: ["TERM": "xterm-kitty", "TMUX": "/tmp/x"], capabilities: colors) == .blocks)
        #expect(ImageOutput.detect(environment: ["TERM": "xterm"], capabilities: TerminalCapabilities(colors: .basic, styles: true, hyperlinks: false)) == .none)
        #expect(ImageOutput.detect(environment: ["TERM": "xterm-256color", "NO_COLOR": "1"],
                                   capabilities: TerminalCapabilities.detect(environment: ["TERM": "xterm-256color", "NO_COLOR": "1"], isTerminal: true)) == .none)
    }
}

extension OutputLayoutTests {
    /// Only a browser runs an explorer: the terminal says, in words wrapped to the width, what it
    /// offers on the site, then the caption.
    @Test func aLatentExplorerIsDescribedInWords() {
        let decoder: [NetworkLayer] = [.linear(inputSize: 2, outputSize: 4, weights: [Float](repeating: 0.1, count: 8), bias: [0, 0, 0, 0]), .sigmoid]
        let explorer = LatentExplorer(decoder: decoder, imageRows: 2, imageColumns: 2, codes: [0, 0, 1, 1], classes: [0, 0], classNames: ["a"],
                                      interpolationEnds: [0, 1], endImages: [Float](repeating: 0.5, count: 8))
        let item = DisplayItem.latentExplorer(explorer, caption: "Move through the codes", altText: "")
        let lines = OutputLayout(capabilities: TerminalCapabilities(colors: .trueColor, styles: true, hyperlinks: false), images: .none,
                                 cellPixels: CellPixels(width: 2, height: 4), figureFiles: nil, maxFigureRows: 12)
            .lines(for: item, fileName: nil, width: 40)
        let texts = lines.compactMap { line -> String? in if case .text(let text) = line { text.plainText } else { nil } }
        #expect(texts.count == lines.count && texts.allSatisfy { TextWidth.of($0) <= 40 })
        #expect(texts.first?.hasPrefix("◈ Latent explorer (on the course site)") == true)
        #expect(texts.joined(separator: " ").contains("(2→4, 12 weights)"))
        #expect(texts.last == "Move through the codes")
    }
}
