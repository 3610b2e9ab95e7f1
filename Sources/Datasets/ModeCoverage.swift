/// How well a set of points covers the modes of a ``GaussianRing``: the standard measures of
/// mode collapse on a ring of normals.
///
/// A point is **close** to a mode (a "high-quality" sample) when it lies within
/// ``closeSpreads`` (3) standard deviations of the mode's center, measured as the distance in
/// the plane. A mode is **covered** when at least a quarter of a fair share of the points,
/// ``coveredShare`` of them (1/(4m) for m modes; 1/32 for eight), are close to it: a generator
/// that spreads its points evenly over all eight modes gives each 1/8, one that collapses gives
/// the modes it dropped none, or a handful on the way between two modes.
public struct ModeCoverage: Sendable, Equatable {
    /// How many standard deviations from a mode's center a close point may be.
    public static let closeSpreads = 3.0

    /// The number of close points of each mode.
    public let closePoints: [Int]
    /// The number of points measured, close or not.
    public let pointCount: Int

    public init(closePoints: [Int], pointCount: Int) {
        precondition(closePoints.allSatisfy { $0 >= 0 } && closePoints.reduce(0, +) <= pointCount, "close points \(closePoints) of \(pointCount)")
        self.closePoints = closePoints
        self.pointCount = pointCount
    }

    /// The share of the points a covered mode needs: a quarter of a fair share, 1/(4m).
    public var coveredShare: Double { 1 / (4 * Double(max(closePoints.count, 1))) }

    /// The number of modes covered: with at least ``coveredShare`` of the points close to them.
    public var modesCovered: Int {
        closePoints.filter { pointCount > 0 && Double($0) >= coveredShare * Double(pointCount) }.count
    }

    /// The share of the points that are close to some mode (within three standard deviations).
    public var closeShare: Double {
        pointCount == 0 ? 0 : Double(closePoints.reduce(0, +)) / Double(pointCount)
    }

    /// The largest share of the points that is close to any one mode.
    public var largestModeShare: Double {
        pointCount == 0 ? 0 : Double(closePoints.max() ?? 0) / Double(pointCount)
    }
}
