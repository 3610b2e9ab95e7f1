import Outputs

extension LineChart {
    /// The chart as a standalone SVG document.
    ///
    /// A series with more points than the plot has half-pixel columns (a loss per training
    /// step) is reduced per column to its first, lowest, highest and last point, which draws
    /// the same picture with a few thousand points instead of tens of thousands.
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
            var markers = ""
            for run in drawnRuns(of: line, in: frame) {
                var last = ""
                for (pointIndex, point) in run.enumerated() {
                    let text = "\(SVGText.number(point.x)) \(SVGText.number(point.y))"
                    if pointIndex > 0 && text == last { continue }
                    path += (pointIndex == 0 ? "M" : "L") + text
                    last = text
                    if line.x.count <= 30 {
                        markers += "<circle cx=\"\(SVGText.number(point.x))\" cy=\"\(SVGText.number(point.y))\" r=\"3\"/>"
                    }
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

    /// The series in SVG coordinates, split into runs at points that cannot be plotted, each
    /// run reduced to first, lowest, highest and last point per half-pixel column.
    private func drawnRuns(of line: Series, in frame: PlotFrame) -> [[(x: Double, y: Double)]] {
        var runs: [[(x: Double, y: Double)]] = []
        var run: [(x: Double, y: Double)] = []
        var bucket: [(x: Double, y: Double)] = []
        var bucketColumn = Int.min
        func flushBucket() {
            guard !bucket.isEmpty else { return }
            // In SVG, y grows downwards: the smallest y is the highest value.
            let highest = bucket.indices.min { bucket[$0].y < bucket[$1].y }!
            let lowest = bucket.indices.max { bucket[$0].y < bucket[$1].y }!
            run += Set([0, highest, lowest, bucket.count - 1]).sorted().map { bucket[$0] }
            bucket.removeAll(keepingCapacity: true)
        }
        func endRun() {
            flushBucket()
            if !run.isEmpty { runs.append(run) }
            run = []
        }
        for (x, y) in zip(line.x, line.y) {
            guard isPlottable(x: x, y: y) else {
                endRun()
                continue
            }
            let point = (x: frame.x(x), y: frame.y(y))
            let column = Int((point.x * 2).rounded(.down))
            if column != bucketColumn { flushBucket() }
            bucketColumn = column
            bucket.append(point)
        }
        endRun()
        return runs
    }
}
