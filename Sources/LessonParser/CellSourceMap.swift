import LessonModel

/// Maps positions in a cell's body text back to the lesson file.
///
/// cmark strips container prefixes (`> `, list indentation) from code lines, so each body line
/// carries the file line it came from and how many bytes were stripped before it.
struct CellSourceMap: Sendable {
    /// The lesson file path.
    let file: String
    /// For each body line (0-based), its file line and the file column of its first byte.
    let lines: [(line: Int, firstColumn: Int)]

    /// The file location of byte `column` (1-based) on body line `lineIndex` (0-based).
    func location(lineIndex: Int, column: Int) -> SourceLocation {
        guard !lines.isEmpty else { return SourceLocation(file: file, line: 0, column: 0) }
        let known = min(lineIndex, lines.count - 1)
        let entry = lines[known]
        return SourceLocation(file: file, line: entry.line + lineIndex - known, column: entry.firstColumn + column - 1)
    }
}
