/// Writes highlighted Swift for a terminal with ANSI escape codes.
public enum ANSIHighlighter {
    /// How much color the terminal gets.
    public enum ColorMode: Sendable, Equatable {
        /// 24-bit colors from the theme.
        case trueColor
        /// The 16 basic colors, for terminals without true color.
        case basic
        /// No escape codes at all: the text comes back unchanged (`NO_COLOR`, `TERM=dumb`, pipes).
        case none
    }

    public static func highlight(_ source: String, mode: ColorMode, theme: HighlightTheme = .dark) -> String {
        mode == .none ? source : render(SwiftLexer.tokenize(source), mode: mode, theme: theme)
    }

    /// Styles each token and resets after it. Styles never span a line break, so the output
    /// can be cut into lines (for paging or wrapping) without colors leaking.
    public static func render(_ tokens: [Token], mode: ColorMode, theme: HighlightTheme = .dark) -> String {
        var output = ""
        for token in tokens {
            guard mode != .none, let style = theme.styles[token.kind], style.basicColor != 39 else {
                output += token.text
                continue
            }
            let start = startCode(for: style, mode: mode)
            var first = true
            for line in token.text.split(separator: "\n", omittingEmptySubsequences: false) {
                if !first { output += "\n" }
                first = false
                if line.isEmpty { continue }
                output += start + line + "\u{1B}[0m"
            }
        }
        return output
    }

    private static func startCode(for style: HighlightTheme.Style, mode: ColorMode) -> String {
        var codes: [String] = []
        if style.bold { codes.append("1") }
        if style.italic { codes.append("3") }
        switch mode {
        case .trueColor: codes.append("38;2;\(style.color.red);\(style.color.green);\(style.color.blue)")
        case .basic: codes.append(String(style.basicColor))
        case .none: break
        }
        return "\u{1B}[" + codes.joined(separator: ";") + "m"
    }
}
