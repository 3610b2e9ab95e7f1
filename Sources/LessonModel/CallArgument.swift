/// One argument of a call, such as `epochs: 5` or an unlabeled `data`.
public struct CallArgument: Sendable, Equatable, Codable {
    /// The label, or nil for an unlabeled argument.
    public var label: Identifier?
    /// The argument's value.
    public var value: Expression

    /// Creates an argument.
    public init(label: Identifier?, value: Expression) {
        self.label = label
        self.value = value
    }

    /// The span from the label (or the value when unlabeled) to the end of the value.
    public var range: SourceRange {
        SourceRange(start: label?.range.start ?? value.range.start, end: value.range.end)
    }
}
