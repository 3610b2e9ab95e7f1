/// Any chart the course draws, as one value the display sink and the renderers pass around.
public enum Chart: Sendable, Equatable, Codable {
    case line(LineChart)
    case scatter(ScatterPlot)
    case bar(BarChart)
    case heatMap(HeatMap)

    /// The chart's title.
    public var title: String {
        switch self {
        case .line(let chart): chart.title
        case .scatter(let chart): chart.title
        case .bar(let chart): chart.title
        case .heatMap(let chart): chart.title
        }
    }

    /// The chart as a standalone SVG document; `description` becomes its accessible label.
    public func svg(description: String = "") -> String {
        switch self {
        case .line(let chart): chart.svg(description: description)
        case .scatter(let chart): chart.svg(description: description)
        case .bar(let chart): chart.svg(description: description)
        case .heatMap(let chart): chart.svg(description: description)
        }
    }
}
