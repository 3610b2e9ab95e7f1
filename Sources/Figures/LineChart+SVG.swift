extension LineChart {
    /// The chart as a standalone SVG document.
    public func svg(description: String = "") -> String {
        let (xTicks, yTicks) = ticks()
        let names = series.map(\.name)
        let frame = PlotFrame(width: width, height: height, title: title, xTicks: xTicks, yTicks: yTicks,
                              logarithmicY: logarithmicY, hasXLabel: !xLabel.isEmpty, hasYLabel: !yLabel.isEmpty,
                              rightArea: series.count > 1 || !(names.first ?? "").isEmpty ? PlotFrame.legendWidth(names) : 0)
        var body = frame.decorations(title: title, xLabel: xLabel, yLabel: yLabel)
        for (index, line) in series.enumerated() {
            let color = RGBColor.category(index).hexString
            var path = ""
            var penDown = false
            var last = ""
            var markers = ""
            for (x, y) in zip(line.x, line.y) {
                guard isPlottable(x: x, y: y) else {
                    penDown = false
                    continue
                }
                let point = "\(SVGText.number(frame.x(x))) \(SVGText.number(frame.y(y)))"
                // Consecutive points on the same tenth of a pixel add nothing but bytes.
                if penDown && point == last { continue }
                path += (penDown ? "L" : "M") + point
                penDown = true
                last = point
                if line.x.count <= 30 {
                    markers += "<circle cx=\"\(SVGText.number(frame.x(x)))\" cy=\"\(SVGText.number(frame.y(y)))\" r=\"3\"/>"
                }
            }
            body += "<path d=\"\(path)\" fill=\"none\" stroke=\"\(color)\" stroke-width=\"2\" stroke-linejoin=\"round\" stroke-linecap=\"round\"/>\n"
            if !markers.isEmpty { body += "<g fill=\"\(color)\">\(markers)</g>\n" }
        }
        if frame.right < frame.width - 16 {
            body += frame.legend(series.enumerated().map { ($1.name, RGBColor.category($0)) }, marker: .line)
        }
        return SVGText.document(width: width, height: height, title: title, description: description, body: body)
    }
}
