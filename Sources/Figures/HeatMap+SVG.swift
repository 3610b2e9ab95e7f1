import Foundation
import Outputs

extension HeatMap {
    /// The map as a standalone SVG document: the grid as an embedded PNG (one pixel per cell,
    /// drawn without smoothing), axes in data coordinates, and a color bar with its own ticks.
    public func svg(description: String = "") -> String {
        let xTicks = AxisTicks.linear(minimum: xRange.lowerBound, maximum: xRange.upperBound)
        let yTicks = AxisTicks.linear(minimum: yRange.lowerBound, maximum: yRange.upperBound)
        let (low, high) = valueRange
        let barTicks = AxisTicks.linear(minimum: low, maximum: high, targetCount: 5)
        let barLabelWidth = barTicks.labels.map { SVGText.width($0) }.max() ?? 0
        let frame = PlotFrame(width: width, height: height, title: title, xTicks: xTicks, yTicks: yTicks,
                              hasXLabel: !xLabel.isEmpty, hasYLabel: !yLabel.isEmpty,
                              rightArea: 16 + 14 + 6 + barLabelWidth + (valueLabel.isEmpty ? 8 : 28))
        var body = ""
        let imageLeft = frame.x(xRange.lowerBound), imageRight = frame.x(xRange.upperBound)
        let imageTop = frame.y(yRange.upperBound), imageBottom = frame.y(yRange.lowerBound)
        let png = Data(raster().pngData()).base64EncodedString()
        body += "<image x=\"\(SVGText.number(imageLeft))\" y=\"\(SVGText.number(imageTop))\" "
            + "width=\"\(SVGText.number(imageRight - imageLeft))\" height=\"\(SVGText.number(imageBottom - imageTop))\" "
            + "preserveAspectRatio=\"none\" style=\"image-rendering:pixelated\" href=\"data:image/png;base64,\(png)\"/>\n"
        body += frame.decorations(title: title, xLabel: xLabel, yLabel: yLabel)

        // The color bar: a vertical gradient through eleven samples of the scale.
        let barLeft = frame.right + 16, barWidth = 14.0
        body += "<defs><linearGradient id=\"scale\" x1=\"0\" y1=\"1\" x2=\"0\" y2=\"0\">"
        for step in 0...10 {
            let t = Double(step) / 10
            body += "<stop offset=\"\(SVGText.number(t * 100))%\" stop-color=\"\(RGBColor.viridis(t).hexString)\"/>"
        }
        body += "</linearGradient></defs>\n"
        body += "<rect x=\"\(SVGText.number(barLeft))\" y=\"\(SVGText.number(frame.top))\" width=\"\(SVGText.number(barWidth))\" "
            + "height=\"\(SVGText.number(frame.bottom - frame.top))\" fill=\"url(#scale)\"/>\n"
        for (value, label) in zip(barTicks.values, barTicks.labels) where value >= low && value <= high {
            let position = frame.bottom - (value - low) / (high - low) * (frame.bottom - frame.top)
            body += "<path class=\"axis\" d=\"M\(SVGText.number(barLeft + barWidth)) \(SVGText.number(position))h4\"/>"
            body += SVGText.text(label, x: barLeft + barWidth + 6, y: position + 4, className: "muted")
        }
        if !valueLabel.isEmpty {
            let labelX = frame.width - 10, center = (frame.top + frame.bottom) / 2
            body += SVGText.text(valueLabel, x: labelX, y: center, anchor: "middle",
                                 extra: " transform=\"rotate(-90 \(SVGText.number(labelX)) \(SVGText.number(center)))\"")
        }
        return SVGText.document(width: width, height: height, title: title, description: description, body: body)
    }
}
