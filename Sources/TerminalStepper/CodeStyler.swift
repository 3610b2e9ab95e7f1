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

    /// Code lines at most `width` columns wide, a longer line broken at spaces with its
    /// continuations marked.
    ///
    /// Long lines are wrapped rather than left whole: the stepper's screen cannot show a line
    /// past its edge, and a terminal wraps a long plain line itself, at the last column, in the
    /// middle of a token and without indentation, so it reads like a new statement. Breaking at
    /// spaces keeps every token whole, and ``continuationMarker`` at the line's indentation says
    /// the line goes on (cells have one statement per line, so that matters). A run without
    /// spaces wider than a line breaks between its tokens (``TextWrapper/WideWordBreaks/code``),
    /// and only an identifier, number or string wider than a whole line is cut.
    func lines(_ code: String, language: String?, width: Int) -> [StyledText] {
        styled(code, language: language).lines().flatMap { wrapped($0, width: width) }
    }

    /// Starts each continuation of a wrapped code line.
    static let continuationMarker = "↪ "

    private func wrapped(_ line: StyledText, width: Int) -> [StyledText] {
        guard line.width > width else { return [line] }
        // A deep indentation is shortened to leave room for the code.
        let indentation = StyledText(String(repeating: " ", count: min(line.plainText.prefix { $0 == " " }.count, width / 2)))
        let marker = indentation + StyledText(Self.continuationMarker, style: TextStyle(dim: true))
        return TextWrapper.wrap(line, width: width, firstPrefix: indentation, restPrefix: marker, wideWords: .code)
    }

    private func style(for kind: TokenKind) -> TextStyle {
        guard let style = theme.styles[kind], style.basicColor != 39 else { return .plain }
        let color: TerminalColor = capabilities.colors >= .indexed256
            ? .rgb(style.color)
            : .basic(style.basicColor >= 90 ? style.basicColor - 90 + 8 : style.basicColor - 30)
        return TextStyle(bold: style.bold, italic: style.italic, foreground: color)
    }
}
