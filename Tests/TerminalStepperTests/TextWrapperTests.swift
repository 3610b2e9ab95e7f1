import Testing
@testable import TerminalStepper
import TestSupport

@Suite struct TextWrapperTests {
    static let paragraph: StyledText = {
        var text = StyledText("Prose with ")
        text.append("bold", style: TextStyle(bold: true))
        text.append(" and ")
        text.append("a link", style: TextStyle(underline: true, foreground: .blue, link: "https://example.com/vae"))
        text.append(" wraps ")
        text.append("mid", style: TextStyle(italic: true))
        text.append("word styles intact, with colors ")
        text.append("kept", style: TextStyle(foreground: .rgb(255, 128, 0)))
        text.append(" per line.")
        return text
    }()

    @Test(arguments: [24, 40])
    func wrapsFixtureParagraph(_ width: Int) throws {
        let text = try golden.read("wrap/paragraph.txt").trimmingCharacters(in: .newlines)
        let lines = TextWrapper.wrap(text, width: width)
        for line in lines { #expect(TextWidth.of(line) <= width, "\(line)") }
        try golden.check(lines.map { "|\($0)|" }.joined(separator: "\n"), against: "wrap/wrapped-\(width).txt")
    }

    @Test func wrapsStyledTextAndRendersEachLineSelfContained() throws {
        let capabilities = TerminalCapabilities(colors: .basic, styles: true, hyperlinks: false)
        let lines = TextWrapper.wrap(Self.paragraph.resolvingLinks(for: capabilities), width: 22, firstPrefix: "• ", restPrefix: "  ")
        #expect(lines.map(\.plainText) == [
            "• Prose with bold and",
            "  a link",
            "  (https://example.com",
            "  /vae) wraps midword",
            "  styles intact, with",
            "  colors kept per",
            "  line.",
        ])
        let rendered = lines.map { $0.rendered(for: capabilities) }
        try golden.check(rendered.map(\.debugDescription).joined(separator: "\n"), against: "wrap/styled-basic.txt")
        // Every line ends unstyled, so lines can be printed in any order.
        for line in rendered where line.contains("\u{1B}[") {
            #expect(line.components(separatedBy: "\u{1B}[").last!.hasPrefix("0m"))
        }
    }

    @Test func hardBreaksBlankLinesAndEdgeWidths() {
        #expect(TextWrapper.wrap("a\n\nb", width: 10) == ["a", "", "b"])
        #expect(TextWrapper.wrap("", width: 10) == [])
        #expect(TextWrapper.wrap("abc def", width: 1) == ["a", "b", "c", "d", "e", "f"])
        #expect(TextWrapper.wrap("日本", width: 1) == ["日", "本"])
        #expect(TextWrapper.wrap("   lead and trail   ", width: 8) == ["lead and", "trail"])
    }

    @Test func linesFitAndKeepEveryCharacter() {
        var generator = SplitMix64(seed: 3)
        let words = ["a", "word", "日本語", "👩‍🔬", "é", "σ²", "averylongwordindeed", "x", "\n", "  ", "🇫🇷",
                     "μ\u{00A0}+\u{00A0}σ\u{00A0}⊙\u{00A0}ε\u{00A0}−\u{00A0}log\u{00A0}σ²"]
        for _ in 0..<2000 {
            let text = (0..<Int.random(in: 0...30, using: &generator)).map { _ in words.randomElement(using: &generator)! }.joined(separator: " ")
            let width = Int.random(in: 2...40, using: &generator)
            let lines = TextWrapper.wrap(text, width: width)
            for line in lines { #expect(TextWidth.of(line) <= width) }
            #expect(lines.joined().filter { !$0.isWhitespace } == text.filter { !$0.isWhitespace })
        }
    }
}
