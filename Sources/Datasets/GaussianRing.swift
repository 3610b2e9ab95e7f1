import Foundation
import Tensors

/// A mixture of equally likely normal distributions (modes) whose centers sit evenly on a
/// circle around the origin: the classic test of whether a GAN covers every mode.
///
/// Mode `i` is centered at radius · (cos 2πi/m, sin 2πi/m), with the same standard deviation
/// `spread` along both axes.
public struct GaussianRing: Sendable, Equatable {
    /// The number of modes, m.
    public let modeCount: Int
    /// The radius of the circle the centers sit on.
    public let radius: Double
    /// Each mode's standard deviation along each axis, σ.
    public let spread: Double

    public init(modeCount: Int = 8, radius: Double = 2, spread: Double = 0.05) {
        precondition(modeCount > 0 && radius >= 0 && spread > 0, "a ring of \(modeCount) modes, radius \(radius), spread \(spread)")
        self.modeCount = modeCount
        self.radius = radius
        self.spread = spread
    }

    /// The center of each mode, counterclockwise from the positive x axis.
    public var centers: [(x: Double, y: Double)] {
        (0..<modeCount).map { index in
            let angle = 2 * Double.pi * Double(index) / Double(modeCount)
            return (radius * cos(angle), radius * sin(angle))
        }
    }

    /// `count` points drawn from the mixture, [count, 2]: each picks a mode uniformly, then
    /// adds normal noise of standard deviation ``spread`` to its center.
    public func sample(count: Int, random: inout RandomGenerator) -> Tensor {
        let centers = self.centers
        let points = Tensor(shape: [count, 2])
        for row in 0..<count {
            let center = centers[random.nextInt(below: modeCount)]
            points[row, 0] = Float(center.x + spread * Double(random.nextNormal()))
            points[row, 1] = Float(center.y + spread * Double(random.nextNormal()))
        }
        return points
    }

    /// The mode whose center is nearest to (`x`, `y`), and the distance to that center.
    public func nearestMode(x: Double, y: Double) -> (mode: Int, distance: Double) {
        var best = (mode: 0, distance: Double.infinity)
        for (index, center) in centers.enumerated() {
            let distance = ((x - center.x) * (x - center.x) + (y - center.y) * (y - center.y)).squareRoot()
            if distance < best.distance { best = (index, distance) }
        }
        return best
    }

    /// Which modes a set of points [n, 2] reaches, and how many of its points are close to one.
    public func coverage(of points: Tensor) -> ModeCoverage {
        precondition(points.columns == 2, "points are [n, 2], not \(points.shape)")
        var counts = [Int](repeating: 0, count: modeCount)
        for row in 0..<points.rows {
            let x = Double(points[row, 0]), y = Double(points[row, 1])
            guard x.isFinite, y.isFinite else { continue }
            let nearest = nearestMode(x: x, y: y)
            if nearest.distance <= ModeCoverage.closeSpreads * spread { counts[nearest.mode] += 1 }
        }
        return ModeCoverage(closePoints: counts, pointCount: points.rows)
    }
}
