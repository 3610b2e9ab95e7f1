import Outputs

extension BarChart {
    /// The chart as a standalone SVG document.
    public func svg(description: String = "") -> String {
        let yTicks = valueTicks()
        let count = max(categories.count, 1)
        // Category i sits at x = i + 0.5 on an axis from 0 to count.
        let xTicks = AxisTicks(lower: 0, upper: Double(count), values: categories.indices.map { Double($0) + 0.5 }, labels: categories)
        let provisional = PlotFrame(width: width, height: height, title: title, xTicks: xTicks, yTicks: yTicks,
                                    hasXLabel: !xLabel.isEmpty, hasYLabel: !yLabel.isEmpty, rightArea: 0)
        let slot = (provisional.right - provisional.left) / Double(count)
        let rotate = categories.contains { SVGText.width($0) > slot - 4 }
        let frame = PlotFrame(width: width, height: height, title: title, xTicks: xTicks, yTicks: yTicks,
                              hasXLabel: !xLabel.isEmpty, hasYLabel: !yLabel.isEmpty, rightArea: 0, rotatedXTickLabels: rotate)
        var body = frame.decorations(title: title, xLabel: xLabel, yLabel: yLabel, rotatedXTickLabels: rotate, verticalGrid: false)
        let barWidth = (frame.right - frame.left) / Double(count) * 0.8
        let zero = frame.y(0)
        for (index, value) in values.enumerated() where value.isFinite {
            let color = RGBColor.category(colorsByCategory ? index : 0).hexString
            let top = frame.y(value)
            body += "<rect x=\"\(SVGText.number(frame.x(Double(index) + 0.5) - barWidth / 2))\" y=\"\(SVGText.number(min(top, zero)))\" "
                + "width=\"\(SVGText.number(barWidth))\" height=\"\(SVGText.number(abs(zero - top)))\" fill=\"\(color)\"/>\n"
            if barWidth >= 18 {
                let label = AxisTicks.label(value, decimals: value == value.rounded() ? 0 : 2)
                body += SVGText.text(label, x: frame.x(Double(index) + 0.5), y: min(top, zero) - 4, anchor: "middle", className: "muted")
            }
        }
        return SVGText.document(width: width, height: height, title: title, description: description, body: body)
    }
}
