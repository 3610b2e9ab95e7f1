import Outputs

extension ScatterPlot {
    /// The plot as a standalone SVG document.
    ///
    /// Each class is one `<path>` of zero-length segments with round caps, about 14 bytes per
    /// point instead of a circle element's 40, so ten thousand points stay near 150 KB.
    public func svg(description: String = "") -> String {
        let (xTicks, yTicks) = ticks()
        let frame = PlotFrame(width: width, height: height, title: title, xTicks: xTicks, yTicks: yTicks,
                              hasXLabel: !xLabel.isEmpty, hasYLabel: !yLabel.isEmpty, rightArea: PlotFrame.legendWidth(classNames))
        var body = frame.decorations(title: title, xLabel: xLabel, yLabel: yLabel)
        var paths = [String](repeating: "", count: classNames.count)
        for index in x.indices where isPlottable(index) {
            paths[classes[index]] += "M\(SVGText.number(frame.x(x[index]))) \(SVGText.number(frame.y(y[index])))h0"
        }
        body += "<g fill=\"none\" stroke-width=\"3.5\" stroke-linecap=\"round\" stroke-opacity=\".75\">\n"
        for (index, path) in paths.enumerated() where !path.isEmpty {
            body += "<path stroke=\"\(RGBColor.category(index).hexString)\" d=\"\(path)\"/>\n"
        }
        body += "</g>\n"
        body += frame.legend(classNames.enumerated().map { ($1, RGBColor.category($0)) }, marker: .dot)
        return SVGText.document(width: width, height: height, title: title, description: description, body: body)
    }
}
