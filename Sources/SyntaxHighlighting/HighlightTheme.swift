import Outputs

/// The colors of each token kind, for one background.
public struct HighlightTheme: Sendable {
    /// How one kind of token looks.
    public struct Style: Sendable {
        public var color: RGBColor
        public var bold: Bool
        public var italic: Bool
        /// The closest of the 16 basic terminal colors, as an SGR foreground code (30–37, 90–97).
        public var basicColor: Int

        public init(_ color: RGBColor, basic: Int, bold: Bool = false, italic: Bool = false) {
            self.color = color
            self.basicColor = basic
            self.bold = bold
            self.italic = italic
        }
    }

    public var background: RGBColor
    public var foreground: RGBColor
    /// Styles per kind; kinds without one (plain text) use the foreground.
    public var styles: [TokenKind: Style]

    public init(background: RGBColor, foreground: RGBColor, styles: [TokenKind: Style]) {
        self.background = background
        self.foreground = foreground
        self.styles = styles
    }

    /// A theme whose kinds take the colors of `palette`, each with its closest basic terminal
    /// color. What both themes share is said here once: keywords are bold, comments and doc
    /// comments italic, and interpolations, operators and punctuation look like plain text.
    init(background: RGBColor, foreground: RGBColor, palette: [TokenKind: (color: RGBColor, basic: Int)]) {
        var styles = palette.mapValues { Style($0.color, basic: $0.basic) }
        styles[.keyword]?.bold = true
        styles[.comment]?.italic = true
        styles[.docComment]?.italic = true
        for kind in [TokenKind.interpolation, .operator, .punctuation] {
            styles[kind] = Style(foreground, basic: 39)
        }
        self.init(background: background, foreground: foreground, styles: styles)
    }

    /// For light backgrounds.
    public static let light = HighlightTheme(
        background: RGBColor(hex: 0xF6F8FA),
        foreground: RGBColor(hex: 0x1F2328),
        palette: [
            .keyword: (RGBColor(hex: 0x9B2393), 35),
            .type: (RGBColor(hex: 0x0B4F79), 34),
            .function: (RGBColor(hex: 0x326D74), 36),
            .argumentLabel: (RGBColor(hex: 0x6C36A9), 35),
            .string: (RGBColor(hex: 0xC41A16), 31),
            .number: (RGBColor(hex: 0x1C00CF), 34),
            .comment: (RGBColor(hex: 0x5D6C79), 90),
            .docComment: (RGBColor(hex: 0x4A5A68), 90),
            .attribute: (RGBColor(hex: 0x815F03), 33),
        ]
    )

    /// For dark backgrounds, and the terminal's default.
    public static let dark = HighlightTheme(
        background: RGBColor(hex: 0x1F1F24),
        foreground: RGBColor(hex: 0xDFDFE0),
        palette: [
            .keyword: (RGBColor(hex: 0xFC5FA3), 95),
            .type: (RGBColor(hex: 0x5DD8FF), 96),
            .function: (RGBColor(hex: 0x67B7A4), 36),
            .argumentLabel: (RGBColor(hex: 0xA167E6), 35),
            .string: (RGBColor(hex: 0xFC6A5D), 91),
            .number: (RGBColor(hex: 0xD0BF69), 33),
            .comment: (RGBColor(hex: 0x7F8C98), 90),
            .docComment: (RGBColor(hex: 0x8F9CA8), 90),
            .attribute: (RGBColor(hex: 0xFD8F3F), 93),
        ]
    )
}
