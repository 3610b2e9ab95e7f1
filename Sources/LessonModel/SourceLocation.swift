/// A position in a lesson (or any text file), as a compiler reports it.
///
/// Lines and columns are 1-based; columns count UTF-8 bytes, as cmark and clang do. A line of 0
/// means the location names the whole file, and a column of 0 means the whole line.
public struct SourceLocation: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    /// The file path as it should be shown to the user, usually relative to the repository root.
    public var file: String
    /// The 1-based line, or 0 for the whole file.
    public var line: Int
    /// The 1-based column in UTF-8 bytes, or 0 for the whole line.
    public var column: Int

    /// Creates a location; pass 0 for `line` or `column` to point at a whole file or line.
    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// The location in compiler form: `file:line:col`, `file:line` or `file`.
    public var description: String {
        if line == 0 { return file }
        if column == 0 { return "\(file):\(line)" }
        return "\(file):\(line):\(column)"
    }

    /// The location without the file, `line:col`, for messages that refer to another place in the same file.
    public var lineAndColumn: String { "\(line):\(column)" }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.file, lhs.line, lhs.column) < (rhs.file, rhs.line, rhs.column)
    }
}
