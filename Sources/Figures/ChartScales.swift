import Outputs

// Where each chart's values land: the axes' ticks, which points are drawn, and the heat map's
// color scale. The SVG charts and the terminal's braille charts both place their marks by these.

extension LineChart {
    /// Whether a point is drawn (on the scale of an axis, and positive on a log axis).
    public func isPlottable(x: Double, y: Double) -> Bool {
        AxisTicks.isOnScale(x) && AxisTicks.isOnScale(y) && (!logarithmicY || y > 0)
    }

    /// The ticks of both axes, covering every plottable point.
    public func ticks(xCount: Int = 6, yCount: Int = 6) -> (x: AxisTicks, y: AxisTicks) {
        var xs: [Double] = [], ys: [Double] = []
        for line in series {
            for (x, y) in zip(line.x, line.y) where isPlottable(x: x, y: y) {
                xs.append(x)
                ys.append(y)
            }
        }
        let xTicks = AxisTicks.linear(minimum: xs.min() ?? 0, maximum: xs.max() ?? 1, targetCount: xCount)
        let yTicks = logarithmicY
            ? AxisTicks.logarithmic(minimum: ys.min() ?? 1, maximum: ys.max() ?? 10)
            : AxisTicks.linear(minimum: ys.min() ?? 0, maximum: ys.max() ?? 1, targetCount: yCount)
        return (xTicks, yTicks)
    }
}

extension ScatterPlot {
    /// Whether point `index` is drawn: both coordinates on the scale of an axis.
    public func isPlottable(_ index: Int) -> Bool { AxisTicks.isOnScale(x[index]) && AxisTicks.isOnScale(y[index]) }

    /// The ticks of both axes, covering every plottable point.
    public func ticks(xCount: Int = 6, yCount: Int = 6) -> (x: AxisTicks, y: AxisTicks) {
        let finite = x.indices.filter(isPlottable).map { (x[$0], y[$0]) }
        return (AxisTicks.linear(minimum: finite.map(\.0).min() ?? 0, maximum: finite.map(\.0).max() ?? 1, targetCount: xCount),
                AxisTicks.linear(minimum: finite.map(\.1).min() ?? 0, maximum: finite.map(\.1).max() ?? 1, targetCount: yCount))
    }
}

extension BarChart {
    /// The ticks of the value axis: always including zero, with headroom for the value labels.
    public func valueTicks(targetCount: Int = 6) -> AxisTicks {
        let finite = values.filter(\.isFinite)
        let low = min(0, finite.min() ?? 0), high = max(0, finite.max() ?? 1)
        return AxisTicks.linear(minimum: low, maximum: high + (high - low) * 0.06, targetCount: targetCount)
    }
}

extension HeatMap {
    /// The range of the finite values, which the color scale spans.
    public var valueRange: (low: Double, high: Double) {
        let finite = values.filter(\.isFinite)
        let low = finite.min() ?? 0, high = finite.max() ?? 1
        return (low, high > low ? high : low + 1)
    }

    /// The color of a value on a color scale spanning `scale` (``valueRange``).
    public func color(_ value: Double, scale: (low: Double, high: Double)) -> RGBColor {
        RGBColor.viridis((value - scale.low) / (scale.high - scale.low))
    }

    /// The grid as an RGB raster, one pixel per cell, top row first (highest y).
    public func raster() -> Raster {
        // Measured once: per pixel, a 400 × 400 map (showMixtureDensity's largest) took
        // 160,000 scans of its 160,000 values.
        let scale = valueRange
        var raster = Raster(width: columns, height: rows, filledWith: RGBColor(gray: 0))
        for row in 0..<rows {
            for column in 0..<columns {
                raster.setColor(color(values[row * columns + column], scale: scale), x: column, y: rows - 1 - row)
            }
        }
        return raster
    }
}
