import Foundation

/// One bar per category: counts of generated images per class, or a histogram's bins.
public struct BarChart: Sendable, Equatable, Codable {
    public var title: String
    public var xLabel: String
    public var yLabel: String
    /// The category names, left to right.
    public var categories: [String]
    /// The height of each bar.
    public var values: [Double]
    /// Whether each bar takes its category's palette color (else all share the first color).
    public var colorsByCategory: Bool
    /// The SVG width in pixels.
    public var width: Int
    /// The SVG height in pixels.
    public var height: Int

    public init(title: String, xLabel: String = "", yLabel: String = "", categories: [String], values: [Double],
                colorsByCategory: Bool = false, width: Int = 640, height: Int = 400) {
        precondition(categories.count == values.count, "one value per category")
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.categories = categories
        self.values = values
        self.colorsByCategory = colorsByCategory
        self.width = width
        self.height = height
    }

    /// The number of times each class index occurs in `classIndices`, one bar per class.
    public static func counts(of classIndices: [Int], classNames: [String], title: String, xLabel: String = "",
                              yLabel: String = "count") -> BarChart {
        var counts = [Double](repeating: 0, count: classNames.count)
        for index in classIndices where classNames.indices.contains(index) { counts[index] += 1 }
        return BarChart(title: title, xLabel: xLabel, yLabel: yLabel, categories: classNames, values: counts, colorsByCategory: true)
    }

    /// A histogram of the finite `values` in `binCount` equal bins over their range (or `range`).
    public static func histogram(of values: [Double], binCount: Int, range: ClosedRange<Double>? = nil, title: String,
                                 xLabel: String = "", yLabel: String = "count") -> BarChart {
        precondition(binCount > 0, "a histogram has at least one bin")
        let finite = values.filter(\.isFinite)
        let low = range?.lowerBound ?? finite.min() ?? 0
        var high = range?.upperBound ?? finite.max() ?? 1
        if high <= low { high = low + 1 }
        var counts = [Double](repeating: 0, count: binCount)
        for value in finite where value >= low && value <= high {
            counts[min(Int((value - low) / (high - low) * Double(binCount)), binCount - 1)] += 1
        }
        let width = (high - low) / Double(binCount)
        let decimals = max(0, -Int(log10(width).rounded(.down)))
        // Each bar is labeled with its bin's center, which is where the label sits.
        let names = (0..<binCount).map { AxisTicks.label(low + (Double($0) + 0.5) * width, decimals: decimals + 1) }
        return BarChart(title: title, xLabel: xLabel, yLabel: yLabel, categories: names, values: counts)
    }
}
