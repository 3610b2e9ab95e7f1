/// Any chart the course draws, as one value the display sink and the renderers pass around.
public enum Chart: Sendable, Equatable, Codable {
    case line(LineChart)
    case scatter(ScatterPlot)
    case bar(BarChart)
    case heatMap(HeatMap)
    case smallMultiples(SmallMultiples)

    /// The chart's title.
    public var title: String {
        switch self {
        case .line(let chart): chart.title
        case .scatter(let chart): chart.title
        case .bar(let chart): chart.title
        case .heatMap(let chart): chart.title
        case .smallMultiples(let chart): chart.title
        }
    }
}
