import LessonModel

/// The bytes of a lesson file with its line structure, turning byte positions into locations.
struct LessonSource {
    /// The path shown in diagnostics.
    let path: String
    /// The file's bytes.
    let bytes: [UInt8]
    /// The byte offset where each line starts; line `n` (1-based) starts at `lineStarts[n - 1]`.
    let lineStarts: [Int]

    init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
        var starts = [0]
        for (offset, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") {
            starts.append(offset + 1)
        }
        if starts.count > 1, starts.last == bytes.count { starts.removeLast() }
        lineStarts = starts
    }

    /// The number of lines.
    var lineCount: Int { lineStarts.count }

    /// The byte range of line `line` (1-based), without its line ending (`\n` or `\r\n`).
    func byteRange(ofLine line: Int) -> Range<Int> {
        guard line >= 1, line <= lineCount else { return bytes.count..<bytes.count }
        let start = lineStarts[line - 1]
        var end = line < lineCount ? lineStarts[line] - 1 : bytes.count
        if line == lineCount, end > start, bytes[end - 1] == UInt8(ascii: "\n") { end -= 1 }
        if end > start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        if end < start { end = start }
        return start..<end
    }

    /// The bytes of line `line` (1-based), without its line ending.
    func bytes(ofLine line: Int) -> ArraySlice<UInt8> { bytes[byteRange(ofLine: line)] }

    /// The text of line `line` (1-based), without its line ending.
    func text(ofLine line: Int) -> String { String(decoding: bytes(ofLine: line), as: UTF8.self) }

    /// The location of a 1-based line and byte column.
    func location(line: Int, column: Int) -> SourceLocation {
        SourceLocation(file: path, line: line, column: column)
    }

    /// The location of the byte at `offset`.
    func location(ofOffset offset: Int) -> SourceLocation {
        var low = 0, high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        return location(line: low + 1, column: offset - lineStarts[low] + 1)
    }

    /// A range of 1-based lines and columns in this file.
    func range(_ startLine: Int, _ startColumn: Int, _ endLine: Int, _ endColumn: Int) -> SourceRange {
        SourceRange(file: path, startLine: startLine, startColumn: startColumn, endLine: endLine, endColumn: endColumn)
    }

    /// The whole file, for diagnostics that are not about one place.
    var fileLocation: SourceLocation { SourceLocation(file: path, line: 0, column: 0) }
}
