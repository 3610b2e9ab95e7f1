import LessonModel
import Testing
@testable import TerminalStepper
import TestSupport

/// Prose blocks as terminal lines: styles, wrapping, lists, quotes, links, math and tables.
struct ProseLayoutTests {
    private let range = SourceRange(file: "x.md", startLine: 1, startColumn: 1, endLine: 1, endColumn: 1)
    private let colors = TerminalCapabilities(colors: .trueColor, styles: true, hyperlinks: true)

    private func plain(_ blocks: [Block], width: Int = 40, capabilities: TerminalCapabilities = .plain) -> [String] {
        ProseLayout(capabilities: capabilities).lines(for: blocks, width: width).map(\.plainText)
    }

    @Test func headingsAreUnderlinedAndParagraphsWrapped() {
        let blocks: [Block] = [
            .heading(level: 1, inlines: [.text("The loss")], anchor: "the-loss", range: range),
            .paragraph([.text("one two three four five six seven eight nine ten")], range: range),
        ]
        #expect(plain(blocks, width: 20) == ["The loss", "════════", "", "one two three four", "five six seven eight", "nine ten"])
    }

    @Test func emphasisIsStyledOrMarked() {
        let paragraph = Block.paragraph([.emphasis([.text("mean")]), .text(" and "), .strong([.text("spread")]), .text(" of "), .code("z")], range: range)
        #expect(plain([paragraph]) == ["_mean_ and **spread** of `z`"])
        let styled = ProseLayout(capabilities: colors).lines(for: [paragraph], width: 40)[0]
        #expect(styled.plainText == "mean and spread of z")
        #expect(styled.spans.first { $0.text == "mean" }?.style.italic == true)
        #expect(styled.spans.first { $0.text == "spread" }?.style.bold == true)
    }

    @Test func linksBecomeHyperlinksOrShowTheirAddress() {
        let paragraph = Block.paragraph([.link(destination: "https://example.org", title: nil, children: [.text("paper")])], range: range)
        #expect(plain([paragraph]) == ["paper (https://example.org)"])
        let rendered = ProseLayout(capabilities: colors).lines(for: [paragraph], width: 40)[0].rendered(for: colors)
        #expect(rendered.contains("\u{1B}]8;;https://example.org\u{1B}\\"))
        #expect(!rendered.contains("(https://example.org)"))
    }

    /// Before its cell runs, a value in the text is a placeholder; after, the number.
    @Test func anInlineValueIsAPlaceholderUntilItsCellRuns() throws {
        let value = InlineValue(name: "loss", members: [], digits: 1, location: range.start)
        let blocks: [Block] = [.paragraph([.text("The loss is "), .value(value), .text(" nats.")], range: range)]
        #expect(plain(blocks) == ["The loss is … nats."])
        let lines = ProseLayout(capabilities: .plain, values: ["loss, digits: 1": "243.9"]).lines(for: blocks, width: 40)
        #expect(lines.map(\.plainText) == ["The loss is 243.9 nats."])
    }

    @Test func mathIsUnicode() {
        let blocks: [Block] = [
            .paragraph([.text("with "), .math(.test("\\mu_j^2"), display: false)], range: range),
            .displayMath(.test("\\frac{a}{b}"), range: range),
        ]
        let lines = plain(blocks, width: 30)
        #expect(lines[0] == "with μⱼ²")
        #expect(lines[2].trimmingCharacters(in: .whitespaces) == "a/b")
    }

    @Test func listsAndQuotesIndentTheirLines() {
        let blocks: [Block] = [
            .list(ordered: true, start: 9, items: [
                [.paragraph([.text("nine is a long item that wraps")], range: range)],
                [.paragraph([.text("ten")], range: range)],
            ], tight: true, range: range),
            .blockQuote([.paragraph([.text("quoted words that wrap here")], range: range)], range: range),
        ]
        #expect(plain(blocks, width: 20) == [
            "9.  nine is a long", "    item that wraps", "10. ten", "",
            "│ quoted words that", "│ wrap here",
        ])
    }

    @Test func codeKeepsIndentationAndBreaksLongLinesAtSpacesWithMarkedContinuations() {
        let block = Block.code(language: "swift", text: "if x {\n    let value = 12345678901234\n}\n", range: range)
        #expect(plain([block], width: 24) == ["│ if x {", "│     let value =", "│     ↪ 12345678901234", "│ }"])
        let cell = Block.code(language: "swift", text: "let vae = trainVAE(on: data, latentSize: 2, epochs: 5)", range: range)
        #expect(plain([cell], width: 30) == ["│ let vae = trainVAE(on: data,", "│ ↪ latentSize: 2, epochs: 5)"])
    }

    @Test func onlyACodeTokenWiderThanALineIsCut() {
        let block = Block.code(language: nil, text: "let s = abcdefghijklmnop", range: range)
        #expect(plain([block], width: 12) == ["│ let s =", "│ ↪ abcdefgh", "│ ↪ ijklmnop"])
    }

    @Test func aRunOfCodeWithoutSpacesBreaksBetweenTokensNeverInsideANameOrNumber() {
        let cell = Block.code(language: "swift", text: "let r = showReconstructions(trainedVariationalAutoencoder,of:data.test,count:16,scale:0.5)", range: range)
        #expect(plain([cell], width: 40) == [
            "│ let r =",
            "│ ↪ showReconstructions(",
            "│ ↪ trainedVariationalAutoencoder,of:",
            "│ ↪ data.test,count:16,scale:0.5)",
        ])
        var generator = SplitMix64(seed: 9)
        let names = ["x", "data.test", "latentSize", "trainVAE", "12_345", "0.25", "3e-3", "model.parameters", "\"text\""]
        let joints = ["(", ",", ":", ")", " + ", "->", "[", "]", "*"]
        var failures: [[String]] = []
        for _ in 0..<500 {
            let parts = (0..<Int.random(in: 1...24, using: &generator)).map { _ in names.randomElement(using: &generator)! }
            let text = parts.map { $0 + joints.randomElement(using: &generator)! }.joined()
            let width = Int.random(in: 20...50, using: &generator)
            let lines = plain([.code(language: "swift", text: text, range: range)], width: width)
            let rows = lines.map { line in line.hasPrefix("│ ↪ ") ? String(line.dropFirst(4)) : String(line.dropFirst(2)) }
            // Every name and number is whole on one row (a member access may break before its dot).
            let cut = parts.flatMap { $0.split(separator: ".").map(String.init) }.contains { part in !rows.contains { $0.contains(part) } }
            if cut || lines.contains(where: { TextWidth.of($0) > width }) { failures.append(lines) }
        }
        #expect(failures.isEmpty, "\(failures.count) runs of code were cut inside a name or too wide, the first: \(failures.first ?? [])")
    }

    @Test func anInlineFormulaStaysOnOneLineUnlessItIsWiderThanALine() {
        let paragraph = Block.paragraph([.text("the code is "), .math(.test(#"\mu + \sigma \odot \varepsilon"#), display: false),
                                         .text(" for each image")], range: range)
        #expect(plain([paragraph], width: 20) == ["the code is", "μ + σ ⊙ ε for each", "image"])
        // Wider than a line of 8, it breaks at its spaces, and fills the line it starts on.
        #expect(plain([paragraph], width: 8) == ["the code", "is μ + σ", "⊙ ε for", "each", "image"])
        #expect(!plain([paragraph], width: 20).joined().contains("\u{00A0}"))
    }

    @Test func wrappedCodeKeepsEveryTokenThatFitsWhole() {
        var generator = SplitMix64(seed: 5)
        let tokens = ["let", "x", "=", "trainVAE(on:", "data,", "epochs:", "5,", "seed:", "7)", "\"string\"", "model.parameters,", "3e-3))"]
        var failures: [[String]] = []
        for _ in 0..<500 {
            let indentation = String(repeating: " ", count: Int.random(in: 0...8, using: &generator))
            let words = (0..<Int.random(in: 1...20, using: &generator)).map { _ in tokens.randomElement(using: &generator)! }
            // Wide enough for the longest token after the deepest continuation prefix.
            let width = Int.random(in: 30...60, using: &generator)
            let lines = plain([.code(language: "swift", text: indentation + words.joined(separator: " "), range: range)], width: width)
            let shown = lines.flatMap { $0.dropFirst(2).split(separator: " ").map(String.init) }.filter { $0 != "↪" }
            if shown != words || lines.contains(where: { TextWidth.of($0) > width }) { failures.append(lines) }
        }
        #expect(failures.isEmpty, "\(failures.count) lines of code were cut inside a token or too wide, the first: \(failures.first ?? [])")
    }

    @Test func wideDisplayMathBreaksBeforeAnOperatorOutsideBracketsWithItsContinuationsIndented() {
        let formula = Block.displayMath(.test("a_1 + b_2 + c_3 = \\frac{1}{2} \\sum_j (\\mu_j^2 + \\sigma_j^2 - 1)"), range: range)
        #expect(plain([formula], width: 60) == [String(repeating: " ", count: 13) + "a₁ + b₂ + c₃ = ½ ∑ⱼ(μⱼ² + σⱼ² − 1)"], "centered when it fits")
        #expect(plain([formula], width: 30) == ["a₁ + b₂ + c₃", "    = ½ ∑ⱼ(μⱼ² + σⱼ² − 1)"])
        // `= ½ ∑ⱼ(…)` is wider than a line of 16: it breaks at its own spaces, still between symbols.
        #expect(plain([formula], width: 16) == ["a₁ + b₂ + c₃ = ½", "    ∑ⱼ(μⱼ² + σⱼ²", "    − 1)"])
    }

    @Test func aFormulaBreaksNeitherInsideBracketsNorInAProduct() {
        let loss = "ℒ(x) = − ∑ₚ(xₚ log x̂ₚ) + β D_(KL)(𝒩(μ, σ²) ‖ 𝒩(0, 1)),    𝜺 ∼ 𝒩(0, 1)"
        let breakable = MathBreaks.protectingSpaces(in: loss).split(separator: " ", omittingEmptySubsequences: true)
            .map { String($0).replacingOccurrences(of: "\u{00A0}", with: " ") }
        #expect(breakable == ["ℒ(x)", "= − ∑ₚ(xₚ log x̂ₚ)", "+ β D_(KL)(𝒩(μ, σ²) ‖ 𝒩(0, 1)),", "𝜺", "∼ 𝒩(0, 1)"])
    }

    @Test func pipeTablesAreAligned() {
        let paragraph = Block.paragraph([
            .text("| term | value |"), .softBreak, .text("|:-----|------:|"), .softBreak,
            .text("| KL | 12 |"), .softBreak, .text("| reconstruction | 240 |"),
        ], range: range)
        #expect(plain([paragraph]) == [
            "term            value",
            "──────────────  ─────",
            "KL                 12",
            "reconstruction    240",
        ])
    }

    @Test func aParagraphWithPipesIsNotATableWithoutADelimiterRow() {
        let paragraph = Block.paragraph([.text("a | b"), .softBreak, .text("c | d")], range: range)
        #expect(plain([paragraph]) == ["a | b c | d"])
    }
}
