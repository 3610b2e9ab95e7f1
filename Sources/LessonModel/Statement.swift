/// One line of a cell: `let name = expression`, or an expression evaluated for its effect.
public struct Statement: Sendable, Equatable, Codable {
    /// What the statement does.
    public enum Kind: Sendable, Equatable, Codable {
        /// `let name = value`: binds `value` to `name` for this and later cells.
        case binding(name: Identifier, value: Expression)
        /// An expression whose result is displayed or discarded, such as a call to a step.
        case expression(Expression)
    }

    /// What the statement does.
    public var kind: Kind
    /// The statement's span in the lesson file.
    public var range: SourceRange

    /// Creates a statement.
    public init(_ kind: Kind, range: SourceRange) {
        self.kind = kind
        self.range = range
    }

    /// The expression evaluated by the statement.
    public var expression: Expression {
        switch kind {
        case .binding(_, let value): return value
        case .expression(let expression): return expression
        }
    }
}
