/// Several named series of (x, y) points drawn as lines: losses per epoch, D(x) per step.
public struct LineChart: Sendable, Equatable, Codable {
    /// One named line.
    public struct Series: Sendable, Equatable, Codable {
        /// The name shown in the legend.
        public var name: String
        /// The x coordinates, ascending.
        public var x: [Double]
        /// The y coordinates; non-finite values (and non-positive ones on a log axis) break the line.
        public var y: [Double]

        /// A series of points; `x` and `y` must have the same length.
        public init(name: String, x: [Double], y: [Double]) {
            precondition(x.count == y.count, "a series has as many x as y values")
            self.name = name
            self.x = x
            self.y = y
        }

        /// A series whose x values are 1, 2, 3, … (epochs or steps).
        public init(name: String, values: [Double]) {
            self.init(name: name, x: values.indices.map { Double($0 + 1) }, y: values)
        }
    }

    public var title: String
    public var xLabel: String
    public var yLabel: String
    public var series: [Series]
    /// Whether the y axis is logarithmic.
    public var logarithmicY: Bool
    /// The SVG width in pixels.
    public var width: Int
    /// The SVG height in pixels.
    public var height: Int

    public init(title: String, xLabel: String = "", yLabel: String = "", series: [Series], logarithmicY: Bool = false,
                width: Int = 640, height: Int = 400) {
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.series = series
        self.logarithmicY = logarithmicY
        self.width = width
        self.height = height
    }
}
