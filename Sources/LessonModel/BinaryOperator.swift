/// An operator between two values in a cell: a comparison, or `&&` and `||` on the results of
/// comparisons, so that a cell can state a claim: `expect(classes.covered >= 5, "…")`.
public enum BinaryOperator: String, Sendable, Equatable, Codable, CaseIterable {
    case equal = "==", notEqual = "!=", less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="
    case and = "&&", or = "||"

    /// How tightly the operator binds, as in Swift: comparisons before `&&`, `&&` before `||`.
    public var precedence: Int {
        switch self {
        case .or: 1
        case .and: 2
        case .equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual: 3
        }
    }

    /// Whether the operator compares two values (rather than joining two truth values).
    public var isComparison: Bool { precedence == 3 }

    /// Whether the operator orders its operands (`<`, `<=`, `>`, `>=`), which only numbers and
    /// strings can be.
    public var isOrdering: Bool { isComparison && self != .equal && self != .notEqual }
}
