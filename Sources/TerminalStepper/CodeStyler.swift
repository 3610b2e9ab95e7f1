import SyntaxHighlighting

/// Highlights code for the terminal as styled text, so it can be cut to the width like prose.
struct CodeStyler {
    let capabilities: TerminalCapabilities
    var theme: HighlightTheme = .dark

    /// Swift is highlighted token by token; other languages are shown in one color.
    func styled(_ code: String, language: String?) -> StyledText {
        let source = code.hasSuffix("\n") ? String(code.dropLast()) : code
        guard language == nil || language == "swift" else { return StyledText(source) }
        var text = StyledText()
        for token in SwiftLexer.tokenize(source) {
            text.append(token.text, style: style(for: token.kind))
        }
        return text
    }

    /// Code lines at most `width` columns wide; long lines continue on the next line.
    func lines(_ code: String, language: String?, width: Int) -> [StyledText] {
        styled(code, language: language).lines().flatMap { $0.chunked(width: width) }
    }

    private func style(for kind: TokenKind) -> TextStyle {
        guard let style = theme.styles[kind], style.basicColor != 39 else { return .plain }
        let color: TerminalColor = capabilities.colors >= .indexed256
            ? .rgb(style.color.red, style.color.green, style.color.blue)
            : .basic(style.basicColor >= 90 ? style.basicColor - 90 + 8 : style.basicColor - 30)
        return TextStyle(bold: style.bold, italic: style.italic, foreground: color)
    }
}
