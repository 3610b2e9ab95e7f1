/// A change that fixes a diagnostic: the text in `range` replaced by `replacement`, as a
/// compiler's fix-it (the did-you-mean of an unknown name, say).
public struct FixIt: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The text to replace, from its first to its last character (both inclusive).
    public var range: SourceRange
    /// What to write there instead.
    public var replacement: String

    /// Creates a fix-it that replaces the text in `range` with `replacement`.
    public init(replacing range: SourceRange, with replacement: String) {
        self.range = range
        self.replacement = replacement
    }

    /// `file:1:2-1:5: 'replacement'`.
    public var description: String { "\(range): '\(replacement)'" }
}
