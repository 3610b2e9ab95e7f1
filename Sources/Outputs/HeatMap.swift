/// A function of two variables on a regular grid, drawn with the viridis color scale and a
/// color bar: the density of the VAE's aggregate code distribution over the latent plane.
public struct HeatMap: Sendable, Equatable, Codable {
    public var title: String
    public var xLabel: String
    public var yLabel: String
    /// The label of the color bar (what the colors measure).
    public var valueLabel: String
    /// The grid values, row-major; row 0 is at the bottom (y = yRange.lowerBound) and column 0
    /// at the left (x = xRange.lowerBound), as in a plot of the plane.
    public var values: [Double]
    /// The number of grid rows (along y).
    public var rows: Int
    /// The number of grid columns (along x).
    public var columns: Int
    /// The x interval the columns span.
    public var xRange: ClosedRange<Double>
    /// The y interval the rows span.
    public var yRange: ClosedRange<Double>
    /// The SVG width in pixels.
    public var width: Int
    /// The SVG height in pixels.
    public var height: Int

    public init(title: String, xLabel: String = "", yLabel: String = "", valueLabel: String = "", values: [Double],
                rows: Int, columns: Int, xRange: ClosedRange<Double>, yRange: ClosedRange<Double>,
                width: Int = 600, height: Int = 480) {
        precondition(rows > 0 && columns > 0 && values.count == rows * columns, "values fill a rows x columns grid")
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.valueLabel = valueLabel
        self.values = values
        self.rows = rows
        self.columns = columns
        self.xRange = xRange
        self.yRange = yRange
        self.width = width
        self.height = height
    }
}
