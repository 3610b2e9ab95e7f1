/// How the stepper divides the terminal: a header row, the lesson's lines, then two status rows
/// and the key legend; and the margin either side of the lesson.
struct ScreenGeometry: Equatable {
    var size = TerminalSize(columns: 80, rows: 24)

    static let headerRows = 1, footerRows = 3

    /// The rows that show the lesson.
    var bodyRows: Int { max(1, size.rows - Self.headerRows - Self.footerRows) }
    /// How far `n` and `p` scroll: a screen, less two lines kept for context.
    var pageRows: Int { max(1, bodyRows - 2) }
    /// Blank columns left and right of the lesson, when the terminal is wide enough.
    var margin: Int { size.columns >= 60 ? 2 : 0 }
    var contentWidth: Int { max(10, size.columns - 2 * margin) }
    /// The 1-based row of the lesson's first line.
    var firstBodyRow: Int { Self.headerRows + 1 }
    /// The 1-based row of the first status row.
    var firstFooterRow: Int { size.rows - Self.footerRows + 1 }
}
