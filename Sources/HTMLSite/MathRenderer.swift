import LessonModel
import TeX

/// Turns a lesson's LaTeX into MathML, and a formula it cannot convert into an error located in
/// the lesson file like a compiler's.
///
/// The lesson model keeps each formula's LaTeX and the range of the block around it, not the
/// formula's own position; with the lesson's text at hand, the formula is found inside its
/// block and the converter's position inside the LaTeX is carried over to the file's line and
/// column. Without the text, the error points at the block.
struct MathRenderer {
    /// The lesson file's bytes, if they could be read.
    let source: [UInt8]?
    /// The byte offset where each line of `source` starts.
    private let lineStarts: [Int]

    init(source: [UInt8]?) {
        self.source = source
        var starts = [0]
        for (offset, byte) in (source ?? []).enumerated() where byte == UInt8(ascii: "\n") { starts.append(offset + 1) }
        lineStarts = starts
    }

    /// A `<math>` element, or, when the LaTeX cannot be converted, a diagnostic appended to
    /// `diagnostics` and the LaTeX shown as escaped code.
    func render(_ latex: String, display: Bool, in range: SourceRange, diagnostics: inout [Diagnostic]) -> String {
        do {
            return try TeX.mathML(latex, display: display)
        } catch {
            diagnostics.append(.error(at: location(of: error.location, in: latex, within: range),
                                      "cannot convert math: \(error.message)", hint: error.hint))
            return "<code class=\"math-error\">\(HTMLEscaping.text(latex))</code>"
        }
    }

    /// The file position of `position` inside `latex`, which is written somewhere in `range`.
    func location(of position: TeXLocation, in latex: String, within range: SourceRange) -> SourceLocation {
        let latexLines = latex.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0.utf8) }
        guard let source, let searchStart = offset(line: range.start.line, column: range.start.column),
              let start = Self.firstIndex(of: latexLines[0], in: source, from: searchStart) else {
            return range.start
        }
        let startLine = lineStarts.lastIndex { $0 <= start }! + 1
        let startColumn = start - lineStarts[startLine - 1] + 1
        if position.line <= 1 {
            return SourceLocation(file: range.start.file, line: startLine, column: startColumn + position.utf8Column - 1)
        }
        // Later lines of a formula may sit behind a quote's `>` or a list's indentation, so
        // each is found in its own file line.
        let line = startLine + position.line - 1
        guard line <= lineStarts.count, position.line <= latexLines.count,
              let lineStart = offset(line: line, column: 1),
              let found = Self.firstIndex(of: latexLines[position.line - 1], in: source, from: lineStart) else {
            return SourceLocation(file: range.start.file, line: min(line, lineStarts.count), column: 0)
        }
        return SourceLocation(file: range.start.file, line: line, column: found - lineStart + position.utf8Column)
    }

    private func offset(line: Int, column: Int) -> Int? {
        guard line >= 1, line <= lineStarts.count else { return nil }
        return lineStarts[line - 1] + max(0, column - 1)
    }

    private static func firstIndex(of needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard !needle.isEmpty else { return start }
        guard start + needle.count <= haystack.count else { return nil }
        for index in start...(haystack.count - needle.count) where haystack[index] == needle[0] {
            if haystack[index ..< index + needle.count].elementsEqual(needle) { return index }
        }
        return nil
    }
}
