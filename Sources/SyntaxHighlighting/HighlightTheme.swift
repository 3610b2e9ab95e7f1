/// The colors of each token kind, for one background.
public struct HighlightTheme: Sendable {
    /// A 24-bit color.
    public struct Color: Equatable, Sendable {
        public var red: UInt8, green: UInt8, blue: UInt8

        public init(_ red: UInt8, _ green: UInt8, _ blue: UInt8) {
            self.red = red
            self.green = green
            self.blue = blue
        }

        /// `#rrggbb`, as CSS writes it.
        public var hex: String {
            "#" + [red, green, blue].map { byte in
                let digits = String(byte, radix: 16)
                return digits.count == 1 ? "0" + digits : digits
            }.joined()
        }
    }

    /// How one kind of token looks.
    public struct Style: Sendable {
        public var color: Color
        public var bold: Bool
        public var italic: Bool
        /// The closest of the 16 basic terminal colors, as an SGR foreground code (30–37, 90–97).
        public var basicColor: Int

        public init(_ color: Color, basic: Int, bold: Bool = false, italic: Bool = false) {
            self.color = color
            self.basicColor = basic
            self.bold = bold
            self.italic = italic
        }
    }

    public var background: Color
    public var foreground: Color
    /// Styles per kind; kinds without one (plain text) use the foreground.
    public var styles: [TokenKind: Style]

    public init(background: Color, foreground: Color, styles: [TokenKind: Style]) {
        self.background = background
        self.foreground = foreground
        self.styles = styles
    }

    /// A theme whose kinds take the colors of `palette`, each with its closest basic terminal
    /// color. What both themes share is said here once: keywords are bold, comments and doc
    /// comments italic, and interpolations, operators and punctuation look like plain text.
    init(background: Color, foreground: Color, palette: [TokenKind: (color: Color, basic: Int)]) {
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
        background: Color(0xF6, 0xF8, 0xFA),
        foreground: Color(0x1F, 0x23, 0x28),
        palette: [
            .keyword: (Color(0x9B, 0x23, 0x93), 35),
            .type: (Color(0x0B, 0x4F, 0x79), 34),
            .function: (Color(0x32, 0x6D, 0x74), 36),
            .argumentLabel: (Color(0x6C, 0x36, 0xA9), 35),
            .string: (Color(0xC4, 0x1A, 0x16), 31),
            .number: (Color(0x1C, 0x00, 0xCF), 34),
            .comment: (Color(0x5D, 0x6C, 0x79), 90),
            .docComment: (Color(0x4A, 0x5A, 0x68), 90),
            .attribute: (Color(0x81, 0x5F, 0x03), 33),
        ]
    )

    /// For dark backgrounds, and the terminal's default.
    public static let dark = HighlightTheme(
        background: Color(0x1F, 0x1F, 0x24),
        foreground: Color(0xDF, 0xDF, 0xE0),
        palette: [
            .keyword: (Color(0xFC, 0x5F, 0xA3), 95),
            .type: (Color(0x5D, 0xD8, 0xFF), 96),
            .function: (Color(0x67, 0xB7, 0xA4), 36),
            .argumentLabel: (Color(0xA1, 0x67, 0xE6), 35),
            .string: (Color(0xFC, 0x6A, 0x5D), 91),
            .number: (Color(0xD0, 0xBF, 0x69), 33),
            .comment: (Color(0x7F, 0x8C, 0x98), 90),
            .docComment: (Color(0x8F, 0x9C, 0xA8), 90),
            .attribute: (Color(0xFD, 0x8F, 0x3F), 93),
        ]
    )
}
