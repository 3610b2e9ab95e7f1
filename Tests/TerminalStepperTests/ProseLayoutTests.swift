import LessonModel
import Testing
@testable import TerminalStepper

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

    @Test func mathIsUnicodeAndBadMathStaysReadable() {
        let blocks: [Block] = [
            .paragraph([.text("with "), .math("\\mu_j^2", display: false)], range: range),
            .displayMath("\\frac{a}{b}", range: range),
            .paragraph([.math("\\frac{", display: false)], range: range),
        ]
        let lines = plain(blocks, width: 30)
        #expect(lines[0] == "with μⱼ²")
        #expect(lines[2].trimmingCharacters(in: .whitespaces) == "a/b")
        #expect(lines[4] == "$\\frac{$")
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

    @Test func codeKeepsIndentationAndBreaksLongLines() {
        let block = Block.code(language: "swift", text: "if x {\n    let value = 12345678901234\n}\n", range: range)
        #expect(plain([block], width: 20) == ["│ if x {", "│     let value = 12", "│ 345678901234", "│ }"])
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
