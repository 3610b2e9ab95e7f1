import Outputs

/// A value a run computed for the text to show (an inline value), as plain data; the renderers
/// turn it into text, the same way everywhere.
public enum ShownValue: Sendable, Equatable, Codable {
    case int(Int), double(Double), text(String), bool(Bool)

    /// The value as a sentence shows it: a number as metrics show numbers (six significant
    /// digits), or with `digits` decimal places; an option by its name.
    public func text(digits: Int? = nil) -> String {
        switch self {
        case .int(let value): String(value)
        case .double(let value): Metric.format(value, digits: digits)
        case .text(let value): value
        case .bool(let value): String(value)
        }
    }
}
