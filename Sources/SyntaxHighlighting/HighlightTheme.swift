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

    /// For light backgrounds.
    public static let light = HighlightTheme(
        background: RGBColor(hex: 0xF6F8FA),
        foreground: RGBColor(hex: 0x1F2328),
        styles: [
            .keyword: Style(RGBColor(hex: 0x9B2393), basic: 35, bold: true),
            .type: RGBColor(hex: 0x0B4F79).style(basic: 34),
            .function: RGBColor(hex: 0x326D74).style(basic: 36),
            .argumentLabel: RGBColor(hex: 0x6C36A9).style(basic: 35),
            .string: RGBColor(hex: 0xC41A16).style(basic: 31),
            .interpolation: RGBColor(hex: 0x1F2328).style(basic: 39),
            .number: RGBColor(hex: 0x1C00CF).style(basic: 34),
            .comment: Style(RGBColor(hex: 0x5D6C79), basic: 90, italic: true),
            .docComment: Style(RGBColor(hex: 0x4A5A68), basic: 90, italic: true),
            .attribute: RGBColor(hex: 0x815F03).style(basic: 33),
            .operator: RGBColor(hex: 0x1F2328).style(basic: 39),
            .punctuation: RGBColor(hex: 0x1F2328).style(basic: 39),
        ]
    )

    /// For dark backgrounds, and the terminal's default.
    public static let dark = HighlightTheme(
        background: RGBColor(hex: 0x1F1F24),
        foreground: RGBColor(hex: 0xDFDFE0),
        styles: [
            .keyword: Style(RGBColor(hex: 0xFC5FA3), basic: 95, bold: true),
            .type: RGBColor(hex: 0x5DD8FF).style(basic: 96),
            .function: RGBColor(hex: 0x67B7A4).style(basic: 36),
            .argumentLabel: RGBColor(hex: 0xA167E6).style(basic: 35),
            .string: RGBColor(hex: 0xFC6A5D).style(basic: 91),
            .interpolation: RGBColor(hex: 0xDFDFE0).style(basic: 39),
            .number: RGBColor(hex: 0xD0BF69).style(basic: 33),
            .comment: Style(RGBColor(hex: 0x7F8C98), basic: 90, italic: true),
            .docComment: Style(RGBColor(hex: 0x8F9CA8), basic: 90, italic: true),
            .attribute: RGBColor(hex: 0xFD8F3F).style(basic: 93),
            .operator: RGBColor(hex: 0xDFDFE0).style(basic: 39),
            .punctuation: RGBColor(hex: 0xDFDFE0).style(basic: 39),
        ]
    )
}

extension RGBColor {
    fileprivate func style(basic: Int) -> HighlightTheme.Style { HighlightTheme.Style(self, basic: basic) }
}
