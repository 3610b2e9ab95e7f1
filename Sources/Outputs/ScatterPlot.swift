/// Points colored by class: 2-D latent codes of test images, one color per clothing class.
///
/// The points are stored as three parallel arrays, which keeps ten thousand of them compact in
/// the cache.
public struct ScatterPlot: Sendable, Equatable, Codable {
    public var title: String
    public var xLabel: String
    public var yLabel: String
    /// The x coordinate of each point.
    public var x: [Double]
    /// The y coordinate of each point.
    public var y: [Double]
    /// The class index of each point, which picks its color and legend entry.
    public var classes: [Int]
    /// The name of each class, indexed by class.
    public var classNames: [String]
    /// The SVG width in pixels.
    public var width: Int
    /// The SVG height in pixels.
    public var height: Int

    public init(title: String, xLabel: String = "", yLabel: String = "", x: [Double], y: [Double], classes: [Int],
                classNames: [String], width: Int = 640, height: Int = 480) {
        precondition(x.count == y.count && y.count == classes.count, "one x, y and class per point")
        precondition(classes.allSatisfy { classNames.indices.contains($0) }, "every class index names a class")
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.x = x
        self.y = y
        self.classes = classes
        self.classNames = classNames
        self.width = width
        self.height = height
    }
}
