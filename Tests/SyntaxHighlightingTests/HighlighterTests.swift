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
}
