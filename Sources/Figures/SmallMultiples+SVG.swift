import Foundation
import Outputs

extension SmallMultiples {
    /// The color of each kind of point, by position in ``pointSetNames``: near-black for the
    /// first (the data), Okabe and Ito's vermillion for the second (the model's), then the
    /// categorical palette. Both stand out on every color of ``scaleColor(_:)``, in every
    /// common form of color blindness, as dark on light.
    public static func pointColor(_ index: Int) -> RGBColor {
        switch index {
        case 0: RGBColor(hex: 0x1A1A1A)
        case 1: RGBColor(hex: 0xD55E00)
        default: RGBColor.category(index)
        }
    }

    /// The heat maps' color at `t` in [0, 1] of ``valueRange``: from near-white to a middle
    /// blue (ColorBrewer's Blues, 0 to 0.5 of the way), pale enough at both ends for the dark
    /// points drawn over it to stay visible.
    public static func scaleColor(_ t: Double) -> RGBColor {
        let stops: [(Double, Double, Double)] = [(247, 251, 255), (198, 219, 239), (107, 174, 214)]
        let x = t.isNaN ? 0 : min(max(t, 0), 1) * Double(stops.count - 1)
        let index = min(Int(x), stops.count - 2), f = x - Double(index)
        func channel(_ a: Double, _ b: Double) -> UInt8 { UInt8((a + (b - a) * f).rounded()) }
        let (a, b) = (stops[index], stops[index + 1])
        return RGBColor(red: channel(a.0, b.0), green: channel(a.1, b.1), blue: channel(a.2, b.2))
    }

    /// Panel `index`'s heat map as an RGB raster, one pixel per grid cell, top row first.
    public func raster(panel index: Int) -> Raster {
        let values = panels[index].values
        var raster = Raster(width: columns, height: rows, filledWith: RGBColor(gray: 0))
        for row in 0..<rows {
            for column in 0..<columns {
                let value = values[row * columns + column]
                let t = (value - valueRange.lowerBound) / (valueRange.upperBound - valueRange.lowerBound)
                raster.setColor(Self.scaleColor(t), x: column, y: rows - 1 - row)
            }
        }
        return raster
    }

    /// Whether a point lies in the panels' square (points outside are not drawn).
    public func isShown(x: Double, y: Double) -> Bool { xRange.contains(x) && yRange.contains(y) }

    /// The figure as a standalone SVG document: the panels in rows, each a heat map (an
    /// embedded PNG, one pixel per grid cell) under its points, with its title above; tick
    /// labels on the outer panels; and one strip below for the points' legend and the color
    /// scale with its ticks.
    public func svg(description: String = "") -> String {
        let xTicks = AxisTicks.linear(minimum: xRange.lowerBound, maximum: xRange.upperBound, targetCount: 4)
        let yTicks = AxisTicks.linear(minimum: yRange.lowerBound, maximum: yRange.upperBound, targetCount: 4)
        let panelTitleHeight = 18.0, tickHeight = 16.0, gap = 24.0, legendHeight = 44.0
        let top = title.isEmpty ? 14.0 : 40.0
        let xLabelHeight = xLabel.isEmpty ? 0.0 : 20.0
        let left = 12 + (yLabel.isEmpty ? 0 : 20) + (yTicks.labels.map { SVGText.width($0) }.max() ?? 0) + 8
        let perRow = Double(min(panelsPerRow, panels.count)), panelRowCount = Double(panelRows)
        let sideByWidth = (Double(width) - left - 12 - (perRow - 1) * gap) / perRow
        let sideByHeight = (Double(height) - top - legendHeight - xLabelHeight - panelRowCount * (panelTitleHeight + tickHeight)
                            - (panelRowCount - 1) * 6) / panelRowCount
        let side = max(10, min(sideByWidth, sideByHeight))
        let blockLeft = left + (Double(width) - 12 - left - (perRow * side + (perRow - 1) * gap)) / 2

        var body = title.isEmpty ? "" : SVGText.text(title, x: Double(width) / 2, y: 24, anchor: "middle", className: "fg title")
        for (index, panel) in panels.enumerated() {
            let panelLeft = blockLeft + Double(index % panelsPerRow) * (side + gap)
            let panelTop = top + Double(index / panelsPerRow) * (panelTitleHeight + side + tickHeight + 6) + panelTitleHeight
            func px(_ x: Double) -> Double { panelLeft + (x - xRange.lowerBound) / (xRange.upperBound - xRange.lowerBound) * side }
            func py(_ y: Double) -> Double { panelTop + side - (y - yRange.lowerBound) / (yRange.upperBound - yRange.lowerBound) * side }
            body += SVGText.text(panel.title, x: panelLeft + side / 2, y: panelTop - 5, anchor: "middle")
            let png = Data(raster(panel: index).pngData()).base64EncodedString()
            body += "<image x=\"\(SVGText.number(panelLeft))\" y=\"\(SVGText.number(panelTop))\" width=\"\(SVGText.number(side))\" "
                + "height=\"\(SVGText.number(side))\" preserveAspectRatio=\"none\" href=\"data:image/png;base64,\(png)\"/>\n"
            for (set, points) in panel.pointSets.enumerated() {
                var path = ""
                for (x, y) in zip(points.x, points.y) where isShown(x: x, y: y) {
                    path += "M\(SVGText.number(px(x))) \(SVGText.number(py(y)))h0"
                }
                guard !path.isEmpty else { continue }
                body += "<path fill=\"none\" stroke=\"\(Self.pointColor(set).hexString)\" stroke-width=\"\(set == 0 ? "3" : "3.5")\" "
                    + "stroke-linecap=\"round\" stroke-opacity=\"\(set == 0 ? ".6" : ".8")\" d=\"\(path)\"/>\n"
            }
            body += "<rect class=\"axis\" x=\"\(SVGText.number(panelLeft))\" y=\"\(SVGText.number(panelTop))\" "
                + "width=\"\(SVGText.number(side))\" height=\"\(SVGText.number(side))\"/>\n"
            for (value, label) in zip(xTicks.values, xTicks.labels) where xRange.contains(value) {
                body += "<path class=\"axis\" d=\"M\(SVGText.number(px(value))) \(SVGText.number(panelTop + side))v4\"/>"
                body += SVGText.text(label, x: px(value), y: panelTop + side + 15, anchor: "middle", className: "muted")
            }
            if index % panelsPerRow == 0 {
                for (value, label) in zip(yTicks.values, yTicks.labels) where yRange.contains(value) {
                    body += "<path class=\"axis\" d=\"M\(SVGText.number(panelLeft)) \(SVGText.number(py(value)))h-4\"/>"
                    body += SVGText.text(label, x: panelLeft - 6, y: py(value) + 4, anchor: "end", className: "muted")
                }
            }
        }
        let blockBottom = top + panelRowCount * (panelTitleHeight + side + tickHeight + 6) - 6
        if !xLabel.isEmpty {
            body += SVGText.text(xLabel, x: blockLeft + (perRow * side + (perRow - 1) * gap) / 2, y: blockBottom + 16, anchor: "middle")
        }
        if !yLabel.isEmpty {
            let center = (top + blockBottom) / 2
            body += SVGText.text(yLabel, x: 16, y: center, anchor: "middle", extra: " transform=\"rotate(-90 16 \(SVGText.number(center)))\"")
        }
        body += legend(left: blockLeft, top: blockBottom + xLabelHeight + 10)
        return SVGText.document(width: width, height: height, title: title, description: description, body: body)
    }

    /// The strip under the panels: a dot and name per kind of point, then the color scale as a
    /// horizontal bar with ticks at its ends and middle, and its label.
    private func legend(left: Double, top: Double) -> String {
        let rowY = top + 10
        var svg = "<g>"
        var x = left
        for (index, name) in pointSetNames.enumerated() {
            svg += "<circle cx=\"\(SVGText.number(x + 5))\" cy=\"\(SVGText.number(rowY))\" r=\"4.5\" fill=\"\(Self.pointColor(index).hexString)\"/>"
            svg += SVGText.text(name, x: x + 15, y: rowY + 4)
            x += 15 + SVGText.width(name) + 22
        }
        let barLeft = x + 10, barWidth = 160.0
        svg += "<defs><linearGradient id=\"value-scale\" x1=\"0\" y1=\"0\" x2=\"1\" y2=\"0\">"
        for step in 0...10 {
            svg += "<stop offset=\"\(step * 10)%\" stop-color=\"\(Self.scaleColor(Double(step) / 10).hexString)\"/>"
        }
        svg += "</linearGradient></defs>"
        svg += "<rect x=\"\(SVGText.number(barLeft))\" y=\"\(SVGText.number(rowY - 7))\" width=\"\(SVGText.number(barWidth))\" height=\"14\" "
            + "fill=\"url(#value-scale)\" stroke=\"#888\" stroke-width=\".5\"/>"
        let low = valueRange.lowerBound, high = valueRange.upperBound
        let ticks = AxisTicks.linear(minimum: low, maximum: high, targetCount: 3)
        for (value, label) in zip(ticks.values, ticks.labels) where value >= low && value <= high {
            let position = barLeft + (value - low) / (high - low) * barWidth
            svg += "<path class=\"axis\" d=\"M\(SVGText.number(position)) \(SVGText.number(rowY + 7))v4\"/>"
            svg += SVGText.text(label, x: position, y: rowY + 23, anchor: "middle", className: "muted")
        }
        if !valueLabel.isEmpty { svg += SVGText.text(valueLabel, x: barLeft + barWidth + 10, y: rowY + 4) }
        return svg + "</g>\n"
    }
}
