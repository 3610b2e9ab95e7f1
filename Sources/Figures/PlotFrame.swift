import Foundation
import Outputs

/// The rectangle a chart plots into, its axes and the mapping from data to SVG coordinates.
///
/// Line charts, scatter plots, bar charts and heat maps share it, so they look alike: same
/// margins, title placement, tick marks, grid lines and axis labels.
struct PlotFrame {
    let width: Double
    let height: Double
    let left: Double
    let top: Double
    let right: Double
    let bottom: Double
    let xTicks: AxisTicks
    let yTicks: AxisTicks
    let logarithmicY: Bool

    /// Lays out a plot of `width` x `height` with room for the title, tick labels, axis labels
    /// and a right-hand area `rightArea` wide (legend or color bar).
    init(width: Int, height: Int, title: String, xTicks: AxisTicks, yTicks: AxisTicks, logarithmicY: Bool = false,
         hasXLabel: Bool, hasYLabel: Bool, rightArea: Double, rotatedXTickLabels: Bool = false) {
        self.width = Double(width)
        self.height = Double(height)
        let yTickWidth = yTicks.labels.map { SVGText.width($0) }.max() ?? 0
        left = 12 + (hasYLabel ? 20 : 0) + yTickWidth + 8
        top = title.isEmpty ? 14 : 40
        right = Double(width) - max(rightArea, 16)
        let xTickHeight = rotatedXTickLabels ? (xTicks.labels.map { SVGText.width($0) }.max() ?? 0) * 0.6 + 10 : 16
        bottom = Double(height) - 10 - xTickHeight - (hasXLabel ? 22 : 4)
        self.xTicks = xTicks
        self.yTicks = yTicks
        self.logarithmicY = logarithmicY
    }

    func x(_ value: Double) -> Double {
        left + (value - xTicks.lower) / (xTicks.upper - xTicks.lower) * (right - left)
    }

    func y(_ value: Double) -> Double {
        if logarithmicY {
            let low = log10(yTicks.lower), high = log10(yTicks.upper)
            return bottom - (log10(value) - low) / (high - low) * (bottom - top)
        }
        return bottom - (value - yTicks.lower) / (yTicks.upper - yTicks.lower) * (bottom - top)
    }

    /// The title, grid lines, axes, ticks and axis labels.
    func decorations(title: String, xLabel: String, yLabel: String, xTicksAreCategories: Bool = false,
                     rotatedXTickLabels: Bool = false, verticalGrid: Bool = true) -> String {
        var svg = ""
        if !title.isEmpty { svg += SVGText.text(title, x: width / 2, y: 24, anchor: "middle", className: "fg title") }
        svg += "<g class=\"grid\">"
        for (value, _) in zip(yTicks.values, yTicks.labels) {
            svg += "<path d=\"M\(SVGText.number(left)) \(SVGText.number(y(value)))H\(SVGText.number(right))\"/>"
        }
        if verticalGrid {
            for value in xTicks.values {
                svg += "<path d=\"M\(SVGText.number(x(value))) \(SVGText.number(top))V\(SVGText.number(bottom))\"/>"
            }
        }
        svg += "</g>\n"
        svg += "<path class=\"axis\" d=\"M\(SVGText.number(left)) \(SVGText.number(top))V\(SVGText.number(bottom))H\(SVGText.number(right))\"/>\n"
        for (value, label) in zip(yTicks.values, yTicks.labels) {
            svg += SVGText.text(label, x: left - 6, y: y(value) + 4, anchor: "end", className: "muted")
        }
        for (value, label) in zip(xTicks.values, xTicks.labels) {
            let position = x(value)
            if rotatedXTickLabels {
                svg += SVGText.text(label, x: position, y: bottom + 14, anchor: "end", className: "muted",
                                    extra: " transform=\"rotate(-35 \(SVGText.number(position)) \(SVGText.number(bottom + 14)))\"")
            } else {
                svg += SVGText.text(label, x: position, y: bottom + 16, anchor: "middle", className: "muted")
            }
        }
        if !xLabel.isEmpty { svg += SVGText.text(xLabel, x: (left + right) / 2, y: height - 10, anchor: "middle") }
        if !yLabel.isEmpty {
            let center = (top + bottom) / 2
            svg += SVGText.text(yLabel, x: 16, y: center, anchor: "middle",
                                extra: " transform=\"rotate(-90 16 \(SVGText.number(center)))\"")
        }
        return svg
    }

    /// A legend in the right-hand area: one colored marker and name per entry.
    func legend(_ entries: [(name: String, color: RGBColor)], marker: LegendMarker) -> String {
        var svg = "<g>"
        for (index, entry) in entries.enumerated() {
            let rowY = top + 8 + Double(index) * 18
            let color = entry.color.hexString
            switch marker {
            case .line: svg += "<path d=\"M\(SVGText.number(right + 14)) \(SVGText.number(rowY))h18\" stroke=\"\(color)\" stroke-width=\"2.5\"/>"
            case .dot: svg += "<circle cx=\"\(SVGText.number(right + 23))\" cy=\"\(SVGText.number(rowY))\" r=\"4.5\" fill=\"\(color)\"/>"
            case .square: svg += "<rect x=\"\(SVGText.number(right + 17))\" y=\"\(SVGText.number(rowY - 6))\" width=\"12\" height=\"12\" fill=\"\(color)\"/>"
            }
            svg += SVGText.text(entry.name, x: right + 38, y: rowY + 4)
        }
        return svg + "</g>\n"
    }

    /// The width a legend of `names` needs.
    static func legendWidth(_ names: [String]) -> Double {
        names.isEmpty ? 0 : 46 + (names.map { SVGText.width($0) }.max() ?? 0) + 8
    }

    enum LegendMarker { case line, dot, square }
}
