import Testing
@testable import TerminalStepper

@Suite struct TextWidthTests {
    @Test(arguments: [
        ("abc", 3), ("", 0), ("日本語", 6), ("ｶﾀｶﾅ", 4), ("ＡＢ", 4), ("한국어", 6),
        ("e\u{301}", 1), ("a\u{200B}b", 2), ("a\u{200D}b", 2), ("x\u{20D7}", 1),
        ("👍", 2), ("👩‍🔬", 2), ("🇫🇷", 2), ("♥", 1), ("♥\u{FE0F}", 2), ("✓", 1),
        ("𝒩(μ, σ²)", 8), ("∑ᵢ₌₁ᴺ", 5), ("\u{1B}[1;31mred\u{1B}[0m", 3),
        ("\u{1B}]8;;https://example.com\u{1B}\\link\u{1B}]8;;\u{1B}\\", 4),
        ("\u{1B}]8;;https://example.com\u{7}bel\u{1B}]8;;\u{7}", 3), ("tab\there", 7), ("\u{7F}", 0),
    ])
    func measures(_ text: String, _ width: Int) {
        #expect(TextWidth.of(text) == width, "\(text.debugDescription)")
    }
}
