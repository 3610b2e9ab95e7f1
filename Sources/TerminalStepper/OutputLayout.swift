import Figures
import Outputs

/// Lays out what a cell showed: text, tables, metrics, image grids and charts, and a note for a
/// latent explorer, which only the site can run.
struct OutputLayout {
    let capabilities: TerminalCapabilities
    let images: ImageOutput
    let cellPixels: CellPixels
    /// Where figures are saved when they cannot be shown; nil saves none.
    let figureFiles: FigureFiles?
    /// The most rows a chart may take, so it fits on one screen.
    let maxFigureRows: Int
    /// Lines for plain text (a pipe, a log): a chart drawn in braille is also saved to
    /// ``figureFiles``, as a reader may want it as SVG (images are saved whenever they cannot
    /// be shown), and the note naming a figure's file is one line, so the path can be copied.
    var isPlainText = false

    static let captionStyle = TextStyle(italic: true, dim: true)

    /// The colors figures are drawn in: basic-color terminals get none, as the figures'
    /// colors would collapse into a few indistinct ones.
    var figureColors: TerminalCapabilities.ColorDepth {
        capabilities.colors == .basic ? .none : capabilities.colors
    }

    /// A line of a text output: as it is when it fits, so that columns lined up with spaces
    /// stay lined up; else wrapped at spaces, each piece keeping the line's indentation.
    static func wrapped(_ line: String, width: Int) -> [StyledText] {
        guard TextWidth.of(line) > width else { return [StyledText(line)] }
        let indentation = String(line.prefix { $0 == " " })
        let prefix = StyledText(indentation.count * 2 < width ? indentation : "")
        return TextWrapper.wrap(StyledText(line), width: width, firstPrefix: prefix, restPrefix: prefix)
    }

    /// The lines for one output; `fileName` names its figure file (see
    /// ``DisplayItem/figureFileName(lesson:cellID:position:)``).
    func lines(for item: DisplayItem, fileName: String?, width: Int) -> [ScreenLine] {
        switch item {
        case .text(let text):
            let body = text.hasSuffix("\n") ? String(text.dropLast()) : text
            return body.split(separator: "\n", omittingEmptySubsequences: false).flatMap { line in
                Self.wrapped(String(line), width: width)
            }.map(ScreenLine.text)
        case .table(let table):
            return TableLayout(table).lines(width: width).map(ScreenLine.text)
        case .metrics(let metrics):
            let nameWidth = metrics.map { TextWidth.of($0.name) }.max() ?? 0
            return metrics.map { metric in
                let padding = String(repeating: " ", count: nameWidth - TextWidth.of(metric.name))
                let line = StyledText(metric.name + padding + "  ", style: TextStyle(dim: true))
                    + StyledText(metric.formattedValue, style: TextStyle(bold: true))
                return .text(line.truncated(toWidth: width))
            }
        case .imageGrid(let grid, let caption, let altText):
            return image(grid, item: item, caption: caption, altText: altText, fileName: fileName, width: width)
                + captionLines(caption, width: width)
        case .latentExplorer(let explorer, let caption, _):
            // Only a browser can run it: say what it offers, wrapped like prose.
            return TextWrapper.wrap(StyledText("◈ " + explorer.summary, style: TextStyle(bold: true)), width: width).map(ScreenLine.text)
                + captionLines(caption, width: width)
        case .chart(let chart, let caption, _):
            let height = min(maxFigureRows, max(8, width / 5))
            let text = chart.terminalText(width: width, height: height, colors: figureColors)
            let saved = isPlainText ? saveNote(item, fileName: fileName, unsaved: "not saved") : nil
            return rawLines(text) + (saved.map { noteLines($0, width: width) } ?? []) + captionLines(caption, width: width)
        }
    }

    private func image(_ grid: ImageGrid, item: DisplayItem, caption: String, altText: String, fileName: String?, width: Int) -> [ScreenLine] {
        let raster = grid.raster()
        let naturalColumns = max(1, (raster.width + cellPixels.width - 1) / cellPixels.width)
        let columns = min(naturalColumns, width)
        let placeholder = StyledText("▣ \(caption.isEmpty ? "image" : caption) (scroll to see it whole)", style: Self.captionStyle)
            .truncated(toWidth: width)
        switch images {
        case .kitty, .iterm:
            let rows = cellPixels.rows(pixelWidth: raster.width, pixelHeight: raster.height, columns: columns)
            var sequence = images == .kitty ? raster.kittyGraphics(columns: columns) : raster.iTerm2InlineImage(columns: columns)
            if sequence.hasSuffix("\n") { sequence.removeLast() }
            return placed(ImagePlacement(sequence: sequence, rows: rows, placeholder: placeholder))
        case .sixel:
            // Sixel draws pixels one to one, so shrink the image to the width first.
            let maxPixels = width * cellPixels.width
            let fitted = raster.width <= maxPixels ? raster
                : raster.resampled(width: maxPixels, height: max(1, raster.height * maxPixels / raster.width))
            var sequence = fitted.sixel()
            if sequence.hasSuffix("\n") { sequence.removeLast() }
            let rows = max(1, (fitted.height + cellPixels.height - 1) / cellPixels.height)
            return placed(ImagePlacement(sequence: sequence, rows: rows, placeholder: placeholder))
        case .blocks:
            return rawLines(grid.halfBlocks(maxColumns: width, colors: figureColors))
        case .none:
            var lines = noteLines(saveNote(item, fileName: fileName, unsaved: "not shown") ?? "▣ figure not shown", width: width)
            if !altText.isEmpty {
                lines += TextWrapper.wrap(StyledText(altText, style: TextStyle(dim: true)), width: width).map(ScreenLine.text)
            }
            return lines
        }
    }

    /// `▣ figure saved to PATH`, or `▣ figure <unsaved>: why`; nil without a folder to save to.
    private func saveNote(_ item: DisplayItem, fileName: String?, unsaved: String) -> String? {
        switch figureFiles?.save(item, fileName: fileName) {
        case .success(let path): "▣ figure saved to \(path)"
        case .failure(let error): "▣ figure \(unsaved): \(error.message)"
        case nil: nil
        }
    }

    private func noteLines(_ note: String, width: Int) -> [ScreenLine] {
        let styled = StyledText(note, style: TextStyle(bold: true))
        return isPlainText ? [.text(styled)] : TextWrapper.wrap(styled, width: width).map(ScreenLine.text)
    }

    private func placed(_ placement: ImagePlacement) -> [ScreenLine] {
        [.image(placement)] + Array(repeating: .imageRow, count: placement.rows - 1)
    }

    private func captionLines(_ caption: String, width: Int) -> [ScreenLine] {
        guard !caption.isEmpty else { return [] }
        return TextWrapper.wrap(StyledText(caption, style: Self.captionStyle), width: width).map(ScreenLine.text)
    }

    /// Text with escape codes, one screen line per line; a reset ends each line so no color
    /// runs into the margin.
    private func rawLines(_ text: String) -> [ScreenLine] {
        let body = text.hasSuffix("\n") ? String(text.dropLast()) : text
        let reset = figureColors == .none ? "" : "\u{1B}[0m"
        return body.split(separator: "\n", omittingEmptySubsequences: false).map { .raw(String($0) + reset) }
    }
}
