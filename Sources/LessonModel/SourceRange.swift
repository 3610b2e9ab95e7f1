/// The span of a node in its file, from its first to its last character (both inclusive).
public struct SourceRange: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The location of the first character.
    public var start: SourceLocation
    /// The location of the last character (inclusive, like cmark's source positions).
    public var end: SourceLocation

    /// Creates a range from its first and last character.
    public init(start: SourceLocation, end: SourceLocation) {
        self.start = start
        self.end = end
    }

    /// Creates a range within one file from 1-based line and column pairs.
    public init(file: String, startLine: Int, startColumn: Int, endLine: Int, endColumn: Int) {
        start = SourceLocation(file: file, line: startLine, column: startColumn)
        end = SourceLocation(file: file, line: endLine, column: endColumn)
    }

    /// The range in the form `file:1:2-3:4`.
    public var description: String { "\(start)-\(end.lineAndColumn)" }

    /// The smallest range that covers both `self` and `other`.
    public func union(_ other: SourceRange) -> SourceRange {
        SourceRange(start: min(start, other.start), end: max(end, other.end))
    }
}
