import Outputs

/// A value a run computed for the text to show (an inline value), as plain data; the renderers
/// turn it into text, the same way everywhere.
public enum ShownValue: Sendable, Equatable, Codable {
    case int(Int), double(Double), text(String), bool(Bool)

    /// The value as a sentence shows it: a number as metrics show numbers (six significant
    /// digits), or with `digits` decimal places, a negative one with a minus sign (−0.7, as
    /// the lessons write it, not a hyphen); an option by its name.
    public func text(digits: Int? = nil) -> String {
        switch self {
        case .int(let value): Self.withMinusSign(String(value))
        case .double(let value): Self.withMinusSign(Metric.format(value, digits: digits))
        case .text(let value): value
        case .bool(let value): String(value)
        }
    }

    private static func withMinusSign(_ number: String) -> String {
        number.hasPrefix("-") ? "\u{2212}" + number.dropFirst() : number
    }
}
