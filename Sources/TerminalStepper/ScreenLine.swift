/// One row of laid-out content, at most the screen's width.
enum ScreenLine: Equatable {
    /// Styled text, turned into escape codes only when drawn.
    case text(StyledText)
    /// Text that already holds its escape codes (a braille chart, half-block image).
    case raw(String)
    /// The top row of an image drawn by a graphics protocol, which covers `rows` rows.
    case image(ImagePlacement)
    /// A row covered by the image that starts above it.
    case imageRow

    static let blank = ScreenLine.text(StyledText())
}

/// An image shown by a graphics protocol (kitty, iTerm2, sixel) and the rows it covers.
struct ImagePlacement: Equatable {
    /// The escape sequence that draws the image at the cursor.
    var sequence: String
    /// How many rows the image takes.
    var rows: Int
    /// What is drawn instead while the image does not fit in the visible rows.
    var placeholder: StyledText
}
