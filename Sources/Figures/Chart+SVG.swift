import Outputs

extension Chart {
    /// The chart as a standalone SVG document; `description` becomes its accessible label.
    public func svg(description: String = "") -> String {
        switch self {
        case .line(let chart): chart.svg(description: description)
        case .scatter(let chart): chart.svg(description: description)
        case .bar(let chart): chart.svg(description: description)
        case .heatMap(let chart): chart.svg(description: description)
        case .smallMultiples(let chart): chart.svg(description: description)
        }
    }
}
