import Foundation

/// Tick positions and labels for an axis: "nice" numbers (1, 2 or 5 times a power of ten) on a
/// linear scale, powers of ten (with 2 and 5 between them over short ranges) on a log scale.
public struct AxisTicks: Sendable, Equatable {
    /// The axis range, widened to whole ticks on a linear scale.
    public let lower: Double
    /// The upper end of the axis range.
    public let upper: Double
    /// The tick values, ascending.
    public let values: [Double]
    /// The tick labels, formatted alike (same number of decimals).
    public let labels: [String]

    /// Ticks as given: a categorical axis's positions and names.
    public init(lower: Double, upper: Double, values: [Double], labels: [String]) {
        self.lower = lower
        self.upper = upper
        self.values = values
        self.labels = labels
    }

    /// Nice ticks covering `minimum...maximum` with about `targetCount` ticks.
    public static func linear(minimum: Double, maximum: Double, targetCount: Int = 6) -> AxisTicks {
        var (low, high) = finiteRange(minimum, maximum)
        if low == high {
            // A tenth of a subnormal number rounds to nothing: such a value gets the spread of zero.
            let spread = abs(low) < 1e-300 ? 1 : abs(low) * 0.1
            (low, high) = (low - spread, high + spread)
        }
        let step = niceNumber((high - low) / Double(max(targetCount - 1, 1)), rounding: true)
        let first = (low / step).rounded(.down), last = (high / step).rounded(.up)
        let values = stride(from: first, through: last, by: 1).map { $0 * step }
        let decimals = max(0, -Int((log10(step)).rounded(.down)))
        return AxisTicks(lower: values.first!, upper: values.last!, values: values,
                         labels: values.map { label($0, decimals: decimals) })
    }

    /// Log-scale ticks covering the positive range `minimum...maximum`.
    public static func logarithmic(minimum: Double, maximum: Double) -> AxisTicks {
        var (low, high) = finiteRange(minimum, maximum)
        if low <= 0 { low = high > 0 ? high / 10 : 1 }
        if high <= low { high = low * 10 }
        let firstDecade = Int(log10(low).rounded(.down)), lastDecade = Int(log10(high).rounded(.up))
        func ticks(_ multiples: [Double]) -> [Double] {
            (firstDecade...lastDecade).flatMap { decade in
                multiples.map { $0 * pow(10, Double(decade)) }.filter { $0 >= low / 1.000_001 && $0 <= high * 1.000_001 }
            }
        }
        var values = ticks([1])
        // Over a short range the powers of ten alone leave the axis nearly bare.
        if values.count < 4 { values = ticks([1, 2, 5]) }
        if values.count < 2 { values = [pow(10, Double(firstDecade)), pow(10, Double(lastDecade))] }
        return AxisTicks(lower: min(low, values.first!), upper: max(high, values.last!), values: values,
                         labels: values.map { label($0, decimals: max(0, -Int(log10($0).rounded(.down)))) })
    }

    /// A number 1, 2, 5 or 10 times a power of ten close to `value` (Heckbert's nice numbers).
    public static func niceNumber(_ value: Double, rounding: Bool) -> Double {
        let exponent = log10(value).rounded(.down)
        let fraction = value / pow(10, exponent)
        let nice: Double
        if rounding {
            nice = fraction < 1.5 ? 1 : fraction < 3 ? 2 : fraction < 7 ? 5 : 10
        } else {
            nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10
        }
        return nice * pow(10, exponent)
    }

    /// A tick label: fixed decimals for ordinary magnitudes, exponent notation for extreme ones.
    public static func label(_ value: Double, decimals: Int) -> String {
        if value == 0 { return "0" }
        let magnitude = abs(value)
        if magnitude >= 1e6 || magnitude < 1e-4 {
            let text = String(format: "%.1e", value).replacingOccurrences(of: ".0e", with: "e")
            return text.replacingOccurrences(of: "e+0", with: "e").replacingOccurrences(of: "e+", with: "e")
                .replacingOccurrences(of: "e-0", with: "e-")
        }
        let text = String(format: "%.\(min(decimals, 10))f", value)
        // Rounding can leave "-0.0" for a tiny negative value; zero has no sign.
        return text.hasPrefix("-") && text.allSatisfy({ "-0.".contains($0) }) ? String(text.dropFirst()) : text
    }

    /// The widest magnitude an axis spans. Beyond it the arithmetic of ticks overflows (the
    /// span of ±1.8e308 is infinite, and so is a tick rounded up past the largest Double),
    /// which left an axis with an infinite end and every position on it NaN.
    static let largestMagnitude = 1e300

    /// Whether a value can be placed on an axis: finite and within ``largestMagnitude``.
    /// Charts leave out the others, as they do NaN: a point at 1.8e308 on an axis that ends
    /// at 1e300 would lie a hundred million dots off the plot.
    public static func isOnScale(_ value: Double) -> Bool {
        value.isFinite && abs(value) <= largestMagnitude
    }

    private static func finiteRange(_ minimum: Double, _ maximum: Double) -> (Double, Double) {
        func clamped(_ value: Double) -> Double { min(max(value, -largestMagnitude), largestMagnitude) }
        let low = minimum.isFinite ? clamped(minimum) : 0, high = maximum.isFinite ? clamped(maximum) : low + 1
        return (min(low, high), max(low, high))
    }
}
