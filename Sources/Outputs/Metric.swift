import Foundation

/// A named number a step reports: a test loss, an accuracy, a Fréchet distance.
public struct Metric: Sendable, Equatable, Codable {
    /// What is measured ("test loss").
    public var name: String
    /// The value (NaN and infinities are kept: a diverged model reports them).
    public var value: Double
    /// The unit ("nats", "%", "s"), if any.
    public var unit: String?

    public init(name: String, value: Double, unit: String? = nil) {
        self.name = name
        self.value = value
        self.unit = unit
    }

    /// The value with six significant digits, and its unit: `243.871 nats`.
    public var formattedValue: String {
        let number = Self.format(value)
        guard let unit, !unit.isEmpty else { return number }
        return unit == "%" ? number + "%" : number + " " + unit
    }

    /// A number as metrics show it: six significant digits, `nan`, `inf`; or `digits` decimal
    /// places when given.
    public static func format(_ value: Double, digits: Int? = nil) -> String {
        if value.isNaN { return "nan" }
        if value.isInfinite { return value > 0 ? "inf" : "-inf" }
        if let digits { return String(format: "%.\(digits)f", value) }
        return String(format: "%.6g", value)
    }
}
