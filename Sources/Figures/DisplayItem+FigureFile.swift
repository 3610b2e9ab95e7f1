import Outputs

extension DisplayItem {
    /// The figure's file contents (PNG or SVG), or nil for text, tables, metrics and explorers.
    public func figureFileBytes() -> [UInt8]? {
        switch self {
        case .imageGrid(let grid, _, _): grid.pngData()
        case .chart(let chart, _, let altText): Array(chart.svg(description: altText).utf8)
        case .text, .table, .metrics, .latentExplorer: nil
        }
    }

    /// The name of the file the figure is written to, the one scheme the site, the terminal and
    /// `course run` share: `<lesson>-<cell id>-<position>.<png|svg>`, such as `vae-loss-train-2.svg`;
    /// nil for text, tables and metrics.
    ///
    /// - Parameter lesson: what tells the lesson apart from the others whose figures may share
    ///   the folder: its slug, or on the site (one folder for every lesson) its page's name.
    /// - Parameter position: the item's position among the cell's outputs, from 1, so a name
    ///   stays put when an output before it changes kind.
    public func figureFileName(lesson: String, cellID: String, position: Int) -> String? {
        figureFileExtension.map { "\(lesson)-\(cellID)-\(position).\($0)" }
    }
}
