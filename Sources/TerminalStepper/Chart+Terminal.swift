import Figures
import Foundation
import Outputs

extension Chart {
    /// The chart as terminal text about `width` x `height` cells: line charts and scatter plots
    /// as braille plots with axes, ticks and a legend; bar charts as horizontal bars (one line
    /// per category); heat maps as half blocks with a color scale line; small multiples as rows
    /// of half-block panels with their points, and a line for the legend and the color scale.
    public func terminalText(width: Int, height: Int, colors: TerminalCapabilities.ColorDepth) -> String {
        switch self {
        case .line(let chart): chart.braille(width: width, height: height, colors: colors)
        case .scatter(let chart): chart.braille(width: width, height: height, colors: colors)
        case .bar(let chart): chart.horizontalBars(width: width, colors: colors)
        case .heatMap(let chart): chart.halfBlocks(width: width, height: height, colors: colors)
        case .smallMultiples(let chart): chart.halfBlocks(width: width, height: height, colors: colors)
        }
    }
}

extension LineChart {
    /// The chart as a braille plot of `width` x `height` cells.
    public func braille(width: Int, height: Int, colors: TerminalCapabilities.ColorDepth) -> String {
        let plot = BraillePlot(title: title, xLabel: xLabel, yLabel: yLabel, logarithmicY: logarithmicY,
                               legend: series.enumerated().map { ($1.name, RGBColor.category($0)) }, legendMarker: "━")
        return plot.render(width: width, height: height, colors: colors, ticks: { ticks(xCount: $0, yCount: $1) }) { canvas, dotX, dotY in
            for (index, line) in series.enumerated() {
                var previous: (x: Int, y: Int)?
                for (x, y) in zip(line.x, line.y) {
                    guard isPlottable(x: x, y: y) else { previous = nil; continue }
                    let point = (x: dotX(x), y: dotY(y))
                    if let previous { canvas.line(from: previous, to: point, color: index) } else { canvas.set(x: point.x, y: point.y, color: index) }
                    previous = point
                }
            }
        }
    }
}

extension ScatterPlot {
    /// The plot as a braille plot of `width` x `height` cells, one dot per point.
    public func braille(width: Int, height: Int, colors: TerminalCapabilities.ColorDepth) -> String {
        let plot = BraillePlot(title: title, xLabel: xLabel, yLabel: yLabel, logarithmicY: false,
                               legend: classNames.enumerated().map { ($1, RGBColor.category($0)) }, legendMarker: "●")
        return plot.render(width: width, height: height, colors: colors, ticks: { ticks(xCount: $0, yCount: $1) }) { canvas, dotX, dotY in
            for index in x.indices where isPlottable(index) {
                canvas.set(x: dotX(x[index]), y: dotY(y[index]), color: classes[index])
            }
        }
    }
}

extension BarChart {
    /// The chart as one line per category: name, a bar in eighths of a cell, and the value.
    public func horizontalBars(width: Int, colors: TerminalCapabilities.ColorDepth) -> String {
        let nameWidth = min(16, categories.map(\.count).max() ?? 0)
        let labels = values.map { AxisTicks.label($0, decimals: $0 == $0.rounded() ? 0 : 2) }
        let labelWidth = labels.map(\.count).max() ?? 0
        let barWidth = max(4, width - nameWidth - labelWidth - 3)
        let largest = values.filter(\.isFinite).map { abs($0) }.max() ?? 0
        let eighths: [Character] = ["▏", "▎", "▍", "▌", "▋", "▊", "▉"]
        var lines: [String] = []
        if !title.isEmpty { lines.append(colors.bold + title + colors.reset) }
        for (index, name) in categories.enumerated() {
            let value = values[index].isFinite ? abs(values[index]) : 0
            let units = largest > 0 ? Int((value / largest * Double(barWidth * 8)).rounded()) : 0
            var bar = String(repeating: "█", count: units / 8)
            if units % 8 > 0 { bar.append(eighths[units % 8 - 1]) }
            let shownName = String(name.prefix(nameWidth))
            let color = colors.foreground(RGBColor.category(colorsByCategory ? index : 0))
            lines.append(String(repeating: " ", count: nameWidth - shownName.count) + shownName + " "
                         + color + bar + colors.reset + String(repeating: " ", count: barWidth - bar.count + 1) + labels[index])
        }
        if !yLabel.isEmpty { lines.append(String(repeating: " ", count: nameWidth + 1) + yLabel) }
        return lines.joined(separator: "\n") + "\n"
    }
}

extension HeatMap {
    /// The map as half blocks at most `width` x `height` cells, with a line showing the scale.
    public func halfBlocks(width: Int, height: Int, colors: TerminalCapabilities.ColorDepth) -> String {
        let pixelRows = max(2, 2 * (height - 3))
        let scale = min(Double(width) / Double(columns), Double(pixelRows) / Double(rows))
        let image = raster().resampled(width: max(1, Int(Double(columns) * scale)), height: max(1, Int(Double(rows) * scale)))
        var text = title.isEmpty ? "" : colors.bold + title + colors.reset + "\n"
        text += image.halfBlocks(colors: colors)
        let (low, high) = valueRange
        var bar = ""
        for step in 0..<16 {
            let color = RGBColor.viridis(Double(step) / 15)
            bar += colors == .none ? String(Raster.shades[step * Raster.shades.count / 16]) : colors.foreground(color) + "█"
        }
        // Two significant digits of the range; a value within a thousandth of it from zero is zero.
        let range = high - low
        let decimals = max(0, 1 - Int(log10(range).rounded(.down)))
        func label(_ value: Double) -> String { AxisTicks.label(abs(value) < range * 1e-3 ? 0 : value, decimals: decimals) }
        text += label(low) + " " + bar + colors.reset + " " + label(high)
        return text + (valueLabel.isEmpty ? "" : " " + valueLabel) + "\n"
    }
}
