/// One `key=value` attribute of a cell's info string, such as `caption="Loss per epoch"`.
public struct CellAttribute: Sendable, Equatable, Codable {
    /// The key, such as `caption`.
    public var name: String
    /// The value with quotes and escapes removed; `true` for a bare flag such as `hidden`.
    public var value: String
    /// Where the attribute is written in the info string.
    public var range: SourceRange

    /// Creates an attribute.
    public init(name: String, value: String, range: SourceRange) {
        self.name = name
        self.value = value
        self.range = range
    }
}
