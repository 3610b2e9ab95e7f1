import Testing
@testable import SyntaxHighlighting

@Suite struct HighlighterTests {
    @Test func htmlEscapesEveryToken() {
        let html = HTMLHighlighter.highlight(#"if a < b && c > d { print("<b>\"&amp;\"</b>") }"#)
        #expect(html.contains("<span class=\"hl-op\">&lt;</span>"))
        #expect(html.contains("<span class=\"hl-op\">&amp;&amp;</span>"))
        #expect(html.contains("<span class=\"hl-str\">&quot;&lt;b&gt;\\&quot;&amp;amp;\\&quot;&lt;/b&gt;&quot;</span>"))
        #expect(!html.contains("<b>"))
        // A combining mark after `<` must not hide it from the escaper.
        #expect(HTMLHighlighter.highlight("\"<\u{301}\"").contains("&lt;\u{301}"))
    }

    @Test func stylesheetCoversEveryClassInBothThemes() {
        let css = HTMLHighlighter.stylesheet()
        for kind in TokenKind.allCases {
            guard let cssClass = kind.cssClass else { continue }
            #expect(css.components(separatedBy: ".hl .\(cssClass) {").count == 3, "\(cssClass)")
        }
        #expect(css.contains("@media (prefers-color-scheme: dark)"))
        let screenOnly = HTMLHighlighter.stylesheet(darkMediaQuery: "screen and (prefers-color-scheme: dark)")
        #expect(screenOnly.contains("@media screen and (prefers-color-scheme: dark) {") && !screenOnly.contains("@media (prefers"))
        #expect(css.contains(".hl .hl-kw { color: #9b2393; font-weight: 600; }"))
    }

    @Test func ansiModes() {
        let source = "let x = \"hi\" // note"
        #expect(ANSIHighlighter.highlight(source, mode: .none) == source)
        let basic = ANSIHighlighter.highlight(source, mode: .basic)
        #expect(basic == "\u{1B}[1;95mlet\u{1B}[0m x = \u{1B}[91m\"hi\"\u{1B}[0m \u{1B}[3;90m// note\u{1B}[0m")
        let trueColor = ANSIHighlighter.highlight(source, mode: .trueColor)
        #expect(trueColor.contains("\u{1B}[1;38;2;252;95;163mlet\u{1B}[0m"))
        #expect(Self.strippingEscapes(trueColor) == source)
    }

    @Test func ansiStylesNeverCrossLineBreaks() {
        let source = "/* one\ntwo\n\nthree */"
        let output = ANSIHighlighter.highlight(source, mode: .basic)
        for line in output.split(separator: "\n") {
            #expect(line.hasSuffix("\u{1B}[0m"))
        }
        #expect(Self.strippingEscapes(output) == source)
    }

    static func strippingEscapes(_ text: String) -> String {
        var result = ""
        var inEscape = false
        for character in text {
            if character == "\u{1B}" { inEscape = true; continue }
            if inEscape { if character == "m" { inEscape = false }; continue }
            result.append(character)
        }
        return result
    }
}
