import Figures
import Outputs

extension ImageGrid {
    /// The grid as half-block text at most `maxColumns` cells wide, with each grid row's
    /// labels (when the grid has them) on a line under its images, cut to the image width.
    ///
    /// Images are shrunk by averaging (or kept at their own size when they fit), never enlarged.
    public func halfBlocks(maxColumns: Int, colors: TerminalCapabilities.ColorDepth) -> String {
        let padding = 1
        let columnsUsed = min(gridColumns, max(count, 1))
        let cellWidth = max(1, min(imageColumns, (maxColumns - padding * (columnsUsed + 1)) / columnsUsed))
        let cellHeight = max(1, (cellWidth * imageRows + imageColumns / 2) / imageColumns)
        let full = raster(cellWidth: cellWidth, cellHeight: cellHeight, padding: padding)
        var text = ""
        for gridRow in 0..<gridRows {
            let top = gridRow * (cellHeight + padding)
            let bandHeight = cellHeight + padding + (gridRow == gridRows - 1 ? padding : 0)
            text += full.cropped(top: top, height: bandHeight).halfBlocks(colors: colors)
            if let labels {
                var line = String(repeating: " ", count: padding)
                for column in 0..<columnsUsed {
                    let index = gridRow * gridColumns + column
                    let label = index < labels.count ? String(labels[index].prefix(cellWidth)) : ""
                    let leftSpace = (cellWidth - label.count) / 2
                    line += String(repeating: " ", count: leftSpace) + label
                        + String(repeating: " ", count: cellWidth - label.count - leftSpace + padding)
                }
                text += String(line.reversed().drop { $0 == " " }.reversed()) + "\n"
            }
        }
        return text
    }

    /// The kitty graphics protocol sequence showing the grid's PNG.
    public func kittyGraphics(columns: Int? = nil) -> String { raster().kittyGraphics(columns: columns) }

    /// The iTerm2 inline-image sequence showing the grid's PNG.
    public func iTerm2InlineImage(columns: Int? = nil) -> String { raster().iTerm2InlineImage(columns: columns) }

    /// The grid as a sixel sequence at its scale and padding.
    public func sixel() -> String { raster().sixel() }
}

extension Raster {
    /// The rows `top ..< top + height` (clipped to the image).
    func cropped(top: Int, height rowCount: Int) -> Raster {
        let start = min(max(top, 0), height - 1), end = min(start + rowCount, height)
        let rowBytes = width * colorModel.channels
        return Raster(width: width, height: end - start, colorModel: colorModel, bytes: Array(bytes[start * rowBytes ..< end * rowBytes]))
    }
}
