import Outputs

extension DisplayItem {
    /// The figure's file contents (PNG or SVG), or nil for text, tables and metrics.
    public func figureFileBytes() -> [UInt8]? {
        switch self {
        case .imageGrid(let grid, _, _): grid.pngData()
        case .chart(let chart, _, let altText): Array(chart.svg(description: altText).utf8)
        case .text, .table, .metrics: nil
        }
    }
}
