/// Small multiples of the plane: panels side by side on the same axes and the same color
/// scale, each a heat map of a function on a grid with sets of points drawn over it. How a
/// GAN on points in the plane changes over training: in each panel the real points, the
/// generated points and the discriminator's verdict D(x) everywhere behind them.
public struct SmallMultiples: Sendable, Equatable, Codable {
    /// Points of one kind in one panel, as two parallel arrays.
    public struct PointSet: Sendable, Equatable, Codable {
        public var x: [Double]
        public var y: [Double]

        public init(x: [Double], y: [Double]) {
            precondition(x.count == y.count, "one x and one y per point")
            self.x = x
            self.y = y
        }
    }

    /// One panel: a title, the grid values of its heat map and its point sets.
    public struct Panel: Sendable, Equatable, Codable {
        /// What sets the panel apart from the others, such as `step 500`.
        public var title: String
        /// The grid values, row-major; row 0 is at the bottom (y = yRange.lowerBound) and
        /// column 0 at the left (x = xRange.lowerBound), as in ``HeatMap``.
        public var values: [Double]
        /// The points of each kind, in the order of ``SmallMultiples/pointSetNames``.
        public var pointSets: [PointSet]

        public init(title: String, values: [Double], pointSets: [PointSet]) {
            self.title = title
            self.values = values
            self.pointSets = pointSets
        }
    }

    public var title: String
    public var xLabel: String
    public var yLabel: String
    /// The label of the color scale (what the heat maps' colors measure).
    public var valueLabel: String
    /// The values at the two ends of the color scale, shared by every panel so colors compare.
    public var valueRange: ClosedRange<Double>
    /// The name of each kind of point, for the legend; each kind has its own color.
    public var pointSetNames: [String]
    /// The number of grid rows (along y) of every panel's heat map.
    public var rows: Int
    /// The number of grid columns (along x) of every panel's heat map.
    public var columns: Int
    /// The x interval every panel spans.
    public var xRange: ClosedRange<Double>
    /// The y interval every panel spans.
    public var yRange: ClosedRange<Double>
    /// The panels, in reading order.
    public var panels: [Panel]
    /// How many panels stand side by side before the next row starts.
    public var panelsPerRow: Int
    /// The SVG width in pixels.
    public var width: Int
    /// The SVG height in pixels.
    public var height: Int

    public init(title: String, xLabel: String = "", yLabel: String = "", valueLabel: String = "", valueRange: ClosedRange<Double>,
                pointSetNames: [String], rows: Int, columns: Int, xRange: ClosedRange<Double>, yRange: ClosedRange<Double>,
                panels: [Panel], panelsPerRow: Int = 3, width: Int = 720, height: Int? = nil) {
        precondition(rows > 0 && columns > 0 && !panels.isEmpty && panelsPerRow > 0, "at least one panel on a grid of at least one cell")
        precondition(panels.allSatisfy { $0.values.count == rows * columns && $0.pointSets.count == pointSetNames.count },
                     "every panel's values fill a rows x columns grid and it has one point set per name")
        precondition(valueRange.upperBound > valueRange.lowerBound && xRange.upperBound > xRange.lowerBound
                     && yRange.upperBound > yRange.lowerBound, "ranges of positive length")
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.valueLabel = valueLabel
        self.valueRange = valueRange
        self.pointSetNames = pointSetNames
        self.rows = rows
        self.columns = columns
        self.xRange = xRange
        self.yRange = yRange
        self.panels = panels
        self.panelsPerRow = panelsPerRow
        self.width = width
        let panelRows = (panels.count + panelsPerRow - 1) / panelsPerRow
        // Square panels under the title, each with its own title, and a strip for the legend.
        self.height = height ?? (40 + panelRows * ((width - 70) / panelsPerRow + 26) + 64)
    }

    /// The number of rows of panels.
    public var panelRows: Int { (panels.count + panelsPerRow - 1) / panelsPerRow }
}
