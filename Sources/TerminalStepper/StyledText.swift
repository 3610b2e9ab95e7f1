/// How a run of terminal text looks.
public struct TextStyle: Equatable, Sendable {
    public var bold: Bool
    public var italic: Bool
    public var underline: Bool
    public var dim: Bool
    public var foreground: TerminalColor?
    public var background: TerminalColor?
    /// A URL the text links to, written as an OSC 8 hyperlink where the terminal supports it.
    public var link: String?

    public init(bold: Bool = false, italic: Bool = false, underline: Bool = false, dim: Bool = false,
                foreground: TerminalColor? = nil, background: TerminalColor? = nil, link: String? = nil) {
        self.bold = bold
        self.italic = italic
        self.underline = underline
        self.dim = dim
        self.foreground = foreground
        self.background = background
        self.link = link
    }

    public static let plain = TextStyle()

    /// The SGR escape that turns this style on, or an empty string when it needs none.
    func sgr(for capabilities: TerminalCapabilities) -> String {
        var parameters: [String] = []
        if capabilities.styles {
            if bold { parameters.append("1") }
            if dim { parameters.append("2") }
            if italic { parameters.append("3") }
            if underline { parameters.append("4") }
        }
        if let code = foreground?.sgrParameters(foreground: true, depth: capabilities.colors) { parameters.append(code) }
        if let code = background?.sgrParameters(foreground: false, depth: capabilities.colors) { parameters.append(code) }
        return parameters.isEmpty ? "" : "\u{1B}[" + parameters.joined(separator: ";") + "m"
    }
}

/// A run of text in one style.
public struct StyledSpan: Equatable, Sendable {
    public var text: String
    public var style: TextStyle

    public init(_ text: String, style: TextStyle = .plain) {
        self.text = text
        self.style = style
    }
}

/// Text made of styled runs, kept apart from escape codes until it is rendered for a
/// particular terminal, so it can be measured and wrapped first.
public struct StyledText: Equatable, Sendable, ExpressibleByStringLiteral {
    public private(set) var spans: [StyledSpan] = []

    public init() {}

    public init(_ text: String, style: TextStyle = .plain) {
        append(text, style: style)
    }

    public init(stringLiteral text: String) {
        self.init(text)
    }

    public init(spans: [StyledSpan]) {
        for span in spans { append(span.text, style: span.style) }
    }

    /// Appends text, merging it into the last run when the style is the same.
    public mutating func append(_ text: String, style: TextStyle = .plain) {
        guard !text.isEmpty else { return }
        if let last = spans.last, last.style == style {
            spans[spans.count - 1].text += text
        } else {
            spans.append(StyledSpan(text, style: style))
        }
    }

    public mutating func append(_ other: StyledText) {
        for span in other.spans { append(span.text, style: span.style) }
    }

    public static func + (lhs: StyledText, rhs: StyledText) -> StyledText {
        var result = lhs
        result.append(rhs)
        return result
    }

    /// The text without any styling.
    public var plainText: String { spans.map(\.text).joined() }

    /// The display width in terminal columns.
    public var width: Int { spans.reduce(0) { $0 + TextWidth.of($1.text) } }

    public var isEmpty: Bool { spans.isEmpty }

    /// Writes links the terminal cannot show as `text (url)`, so the reader still sees the
    /// address; call it before wrapping, since it changes the width.
    public func resolvingLinks(for capabilities: TerminalCapabilities) -> StyledText {
        guard !capabilities.hyperlinks else { return self }
        var result = StyledText()
        for span in spans {
            guard let link = span.style.link else {
                result.append(span.text, style: span.style)
                continue
            }
            var style = span.style
            style.link = nil
            result.append(span.text, style: style)
            if span.text != link { result.append(" (\(link))", style: TextStyle(dim: true)) }
        }
        return result
    }

    /// The text with escape codes for `capabilities`: each run is styled and then reset, so
    /// lines can be printed independently; ``TerminalCapabilities/plain`` gives the bare text.
    public func rendered(for capabilities: TerminalCapabilities) -> String {
        var output = ""
        for span in spans {
            let start = span.style.sgr(for: capabilities)
            let link = capabilities.hyperlinks ? span.style.link : nil
            if let link { output += "\u{1B}]8;;\(link)\u{1B}\\" }
            output += start.isEmpty ? span.text : start + span.text + "\u{1B}[0m"
            if link != nil { output += "\u{1B}]8;;\u{1B}\\" }
        }
        return output
    }
}
