import Testing
@testable import TerminalStepper

@Suite struct StyledTextTests {
    static let sample: StyledText = {
        var text = StyledText("see ")
        text.append("docs", style: TextStyle(bold: true, foreground: .rgb(0x5D, 0xD8, 0xFF), link: "https://swift.org"))
        return text
    }()

    @Test func rendersForEachCapability() {
        let trueColor = TerminalCapabilities(colors: .trueColor, styles: true, hyperlinks: true)
        #expect(Self.sample.rendered(for: trueColor)
            == "see \u{1B}]8;;https://swift.org\u{1B}\\\u{1B}[1;38;2;93;216;255mdocs\u{1B}[0m\u{1B}]8;;\u{1B}\\")
        let indexed = TerminalCapabilities(colors: .indexed256, styles: true, hyperlinks: false)
        #expect(Self.sample.rendered(for: indexed) == "see \u{1B}[1;38;5;81mdocs\u{1B}[0m")
        let basic = TerminalCapabilities(colors: .basic, styles: true, hyperlinks: false)
        #expect(Self.sample.rendered(for: basic) == "see \u{1B}[1;96mdocs\u{1B}[0m")
        let noColor = TerminalCapabilities(colors: .none, styles: true, hyperlinks: false)
        #expect(Self.sample.rendered(for: noColor) == "see \u{1B}[1mdocs\u{1B}[0m")
        #expect(Self.sample.rendered(for: .plain) == "see docs")
        #expect(Self.sample.resolvingLinks(for: .plain).rendered(for: .plain) == "see docs (https://swift.org)")
        #expect(TextWidth.of(Self.sample.rendered(for: trueColor)) == 8)
    }

    @Test func adjacentRunsWithTheSameStyleMerge() {
        var text = StyledText("a")
        text.append("b")
        text.append("c", style: TextStyle(dim: true))
        #expect(text.spans.count == 2)
        #expect(text.plainText == "abc")
    }

    @Test(arguments: [
        ([:], true, TerminalCapabilities(colors: .basic, styles: true, hyperlinks: false)),
        (["TERM": "xterm-256color"], true, TerminalCapabilities(colors: .indexed256, styles: true, hyperlinks: false)),
        (["TERM": "xterm-256color", "COLORTERM": "truecolor", "TERM_PROGRAM": "iTerm.app"], true, TerminalCapabilities(colors: .trueColor, styles: true, hyperlinks: true)),
        (["TERM": "xterm-kitty", "NO_COLOR": "1"], true, TerminalCapabilities(colors: .none, styles: true, hyperlinks: true)),
        (["TERM": "xterm", "NO_COLOR": ""], true, TerminalCapabilities(colors: .basic, styles: true, hyperlinks: false)),
        (["TERM": "xterm", "VTE_VERSION": "6800"], true, TerminalCapabilities(colors: .basic, styles: true, hyperlinks: true)),
        (["TERM": "dumb", "COLORTERM": "truecolor"], true, TerminalCapabilities.plain),
        (["TERM": "xterm-256color", "COLORTERM": "truecolor"], false, TerminalCapabilities.plain),
    ] as [([String: String], Bool, TerminalCapabilities)])
    func detectsCapabilities(_ environment: [String: String], _ isTerminal: Bool, _ expected: TerminalCapabilities) {
        #expect(TerminalCapabilities.detect(environment: environment, isTerminal: isTerminal) == expected)
    }

    @Test func colorsConvertDownToWhatTheTerminalHas() {
        #expect(TerminalColor.rgb(255, 0, 0).sgrParameters(foreground: true, depth: .indexed256) == "38;5;196")
        #expect(TerminalColor.rgb(255, 0, 0).sgrParameters(foreground: true, depth: .basic) == "91")
        #expect(TerminalColor.rgb(128, 0, 0).sgrParameters(foreground: false, depth: .basic) == "41")
        #expect(TerminalColor.gray.sgrParameters(foreground: true, depth: .trueColor) == "90")
        #expect(TerminalColor.indexed(200).sgrParameters(foreground: true, depth: .basic) == "37")
        #expect(TerminalColor.red.sgrParameters(foreground: true, depth: .none) == nil)
    }
}
