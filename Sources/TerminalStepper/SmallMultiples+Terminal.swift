import Figures
import Outputs

extension SmallMultiples {
    /// The panels as half blocks in rows of panels at most `width` cells wide and about
    /// `height` tall: each panel's heat map with its points as pixels in their colors (the
    /// second kind drawn over the first), its title above, and one line under all of them
    /// with the points' legend and the color scale.
    ///
    /// Without colors, each cell shows the shade of its heat (` ░▒▓`) unless a point falls in
    /// it: `o` for a point of the second kind, `·` for one of the first only.
    public func halfBlocks(width: Int, height: Int, colors: TerminalCapabilities.ColorDepth) -> String {
        let gap = 2
        let perLine = max(1, min(panelsPerRow, panels.count, (width + gap) / (8 + gap)))
        let lineCount = (panels.count + perLine - 1) / perLine
        // Each panel line takes its title row and side/2 rows of half blocks. The height is a
        // soft limit: below 16 pixels a panel no longer shows where the points are.
        let sideByHeight = max(16, 2 * max(2, (height - 2) / lineCount - 1))
        let side = max(4, min((width + gap) / perLine - gap, sideByHeight))
        var text = title.isEmpty ? "" : colors.bold + title + colors.reset + "\n"
        for first in stride(from: 0, to: panels.count, by: perLine) {
            let indices = Array(first..<min(first + perLine, panels.count))
            let blocks = indices.map { panelLines(panel: $0, side: side, colors: colors) }
            text += indices.map { centered(panels[$0].title, width: side) }.joined(separator: String(repeating: " ", count: gap)) + "\n"
            for row in 0..<blocks[0].count {
                text += blocks.map { $0[row] }.joined(separator: String(repeating: " ", count: gap)) + "\n"
            }
        }
        return text + legendLine(colors: colors) + "\n"
    }

    /// One panel as `side` columns by `side / 2` lines (rounded up) of text, each line ending
    /// with a reset.
    private func panelLines(panel index: Int, side: Int, colors: TerminalCapabilities.ColorDepth) -> [String] {
        let heat = raster(panel: index).resampled(width: side, height: side)
        // The kind of point in each pixel, the later kind drawn over the earlier.
        var kinds = [Int?](repeating: nil, count: side * side)
        for (kind, points) in panels[index].pointSets.enumerated() {
            for (x, y) in zip(points.x, points.y) where isShown(x: x, y: y) {
                let column = min(side - 1, Int((x - xRange.lowerBound) / (xRange.upperBound - xRange.lowerBound) * Double(side)))
                let row = min(side - 1, Int((yRange.upperBound - y) / (yRange.upperBound - yRange.lowerBound) * Double(side)))
                kinds[row * side + column] = kind
            }
        }
        if colors == .none {
            return stride(from: 0, to: side, by: 2).map { row in
                String((0..<side).map { column -> Character in
                    let cell = [row, row + 1].filter { $0 < side }.compactMap { kinds[$0 * side + column] }
                    if let kind = cell.max() { return kind >= 1 ? "o" : "·" }
                    // The scale runs from near-white to blue: darker means a higher value, in four shades.
                    let palest = Int(Self.scaleColor(0).luma), darkest = Int(Self.scaleColor(1).luma)
                    let darkness = (palest - Int(heat.color(x: column, y: row).luma)) * 4 / max(palest - darkest + 1, 1)
                    return Raster.shades[min(max(darkness, 0), 3)]
                })
            }
        }
        var pixels = heat
        for row in 0..<side {
            for column in 0..<side {
                if let kind = kinds[row * side + column] { pixels.setColor(Self.pointColor(kind), x: column, y: row) }
            }
        }
        return pixels.halfBlocks(colors: colors).split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
    }

    /// `● real  ● generated   0 ███ 1 D(x)`: the points' legend, then the color scale.
    private func legendLine(colors: TerminalCapabilities.ColorDepth) -> String {
        var line = ""
        for (index, name) in pointSetNames.enumerated() {
            let marker = colors == .none ? (index >= 1 ? "o" : "·") : colors.foreground(Self.pointColor(index)) + "●" + colors.reset
            line += marker + " " + name + "  "
        }
        var bar = ""
        for step in 0..<12 {
            let t = Double(step) / 11
            bar += colors == .none ? String(Raster.shades[min(3, step / 3)]) : colors.foreground(Self.scaleColor(t)) + "█"
        }
        func label(_ value: Double) -> String { AxisTicks.label(value, decimals: value == value.rounded() ? 0 : 2) }
        line += " " + label(valueRange.lowerBound) + " " + bar + colors.reset + " " + label(valueRange.upperBound)
        return line + (valueLabel.isEmpty ? "" : " " + valueLabel)
    }

    private func centered(_ text: String, width: Int) -> String {
        let shown = String(text.prefix(width))
        let left = (width - shown.count) / 2
        return String(repeating: " ", count: left) + shown + String(repeating: " ", count: width - left - shown.count)
    }
}
