/// A name in a cell (a binding, a step, a member or an argument label) with its location.
public struct Identifier: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The name as written.
    public var name: String
    /// Where the name is written in the lesson file.
    public var range: SourceRange

    /// Creates an identifier.
    public init(_ name: String, range: SourceRange) {
        self.name = name
        self.range = range
    }

    public var description: String { name }
}
