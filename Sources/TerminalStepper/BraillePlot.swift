import Figures
import Foundation
import Outputs

/// The frame of a braille chart in the terminal: title, y tick labels beside a vertical axis,
/// the braille canvas, the x axis with its tick labels, axis labels and a legend.
struct BraillePlot {
    let title: String
    let xLabel: String
    let yLabel: String
    let logarithmicY: Bool
    let legend: [(name: String, color: RGBColor)]
    let legendMarker: String

    /// Lays the chart out in `width` x `height` cells; `ticks` chooses the axes' ticks for a
    /// target number of ticks on each, and `draw` marks the canvas through the data mappings.
    func render(width: Int, height: Int, colors: TerminalCapabilities.ColorDepth,
                ticks: (_ xCount: Int, _ yCount: Int) -> (x: AxisTicks, y: AxisTicks),
                draw: (inout BrailleCanvas, _ x: (Double) -> Int, _ y: (Double) -> Int) -> Void) -> String {
        let legendLines = wrappedLegend(width: width, colors: colors)
        let fixedLines = (title.isEmpty ? 0 : 1) + (yLabel.isEmpty ? 0 : 1) + 2 + (xLabel.isEmpty ? 0 : 1) + legendLines.count
        let plotRows = max(3, height - fixedLines)
        let (xTicks, yTicks) = ticks(max(2, min(6, width / 12)), max(2, min(6, plotRows / 2)))
        let gutter = (yTicks.labels.map(\.count).max() ?? 0) + 1
        var canvas = BrailleCanvas(columns: max(4, width - gutter - 1), rows: plotRows)
        let dotWidth = canvas.dotWidth, dotHeight = canvas.dotHeight

        func dotX(_ value: Double) -> Int {
            Int(((value - xTicks.lower) / (xTicks.upper - xTicks.lower) * Double(dotWidth - 1)).rounded())
        }
        func dotY(_ value: Double) -> Int {
            let fraction = logarithmicY
                ? (log10(value) - log10(yTicks.lower)) / (log10(yTicks.upper) - log10(yTicks.lower))
                : (value - yTicks.lower) / (yTicks.upper - yTicks.lower)
            return Int(((1 - fraction) * Double(dotHeight - 1)).rounded())
        }
        draw(&canvas, dotX, dotY)

        var lines: [String] = []
        if !title.isEmpty { lines.append(colors.bold + centered(title, width: width) + colors.reset) }
        if !yLabel.isEmpty { lines.append(String(repeating: " ", count: max(0, gutter - 1)) + "↑ " + yLabel) }
        var rowLabels = [String?](repeating: nil, count: plotRows)
        for (value, label) in zip(yTicks.values, yTicks.labels) {
            let row = dotY(value) / 4
            if rowLabels.indices.contains(row) && rowLabels[row] == nil { rowLabels[row] = label }
        }
        let canvasLines = canvas.lines(colors: colors) { RGBColor.category($0) }
        for row in 0..<plotRows {
            let label = rowLabels[row] ?? ""
            lines.append(String(repeating: " ", count: gutter - 1 - label.count) + label + " " + (rowLabels[row] == nil ? "│" : "┤") + canvasLines[row])
        }
        var axis = Array(repeating: Character("─"), count: canvas.columns)
        var tickLine = Array(repeating: Character(" "), count: width + 8)
        var nextFree = 0
        for (value, label) in zip(xTicks.values, xTicks.labels) {
            let column = dotX(value) / 2
            guard axis.indices.contains(column) else { continue }
            axis[column] = "┬"
            let start = max(0, gutter + column - label.count / 2)
            guard start >= nextFree, start + label.count <= width else { continue }
            for (offset, character) in label.enumerated() { tickLine[start + offset] = character }
            nextFree = start + label.count + 1
        }
        lines.append(String(repeating: " ", count: gutter) + "└" + String(axis))
        lines.append(String(String(tickLine).reversed().drop { $0 == " " }.reversed()))
        if !xLabel.isEmpty { lines.append(String(repeating: " ", count: max(0, width - xLabel.count - 2)) + xLabel + " →") }
        lines += legendLines
        return lines.joined(separator: "\n") + "\n"
    }

    private func wrappedLegend(width: Int, colors: TerminalCapabilities.ColorDepth) -> [String] {
        guard legend.count > 1 || !(legend.first?.name.isEmpty ?? true) else { return [] }
        var lines: [String] = []
        var line = "", lineLength = 0
        for entry in legend {
            let length = legendMarker.count + 1 + entry.name.count
            if lineLength > 0 && lineLength + 2 + length > width {
                lines.append(line)
                (line, lineLength) = ("", 0)
            }
            if lineLength > 0 { line += "  "; lineLength += 2 }
            line += colors.foreground(entry.color) + legendMarker + colors.reset + " " + entry.name
            lineLength += length
        }
        if lineLength > 0 { lines.append(line) }
        return lines
    }

    private func centered(_ text: String, width: Int) -> String {
        String(repeating: " ", count: max(0, (width - text.count) / 2)) + text
    }
}
