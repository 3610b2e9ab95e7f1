import Foundation
import Tensors
import Testing
@testable import Datasets

/// The ring of normals: where its modes are, how its points spread, and how coverage of its
/// modes is measured.
@Suite struct GaussianRingTests {
    let ring = GaussianRing(modeCount: 8, radius: 2, spread: 0.1)

    /// Points [n, 2] from (x, y) pairs.
    func points(_ pairs: [(Double, Double)]) -> Tensor {
        Tensor(shape: [pairs.count, 2], values: pairs.flatMap { [Float($0.0), Float($0.1)] })
    }

    @Test func centersSitEvenlyOnTheCircle() {
        let centers = ring.centers
        #expect(centers.count == 8)
        #expect(abs(centers[0].x - 2) < 1e-12 && abs(centers[0].y) < 1e-12)
        #expect(abs(centers[2].x) < 1e-12 && abs(centers[2].y - 2) < 1e-12)
        for center in centers { #expect(abs((center.x * center.x + center.y * center.y).squareRoot() - 2) < 1e-12) }
    }

    @Test func samplesSpreadAroundEveryModeWithTheRingsDeviation() {
        var random = RandomGenerator(seed: 11)
        let drawn = ring.sample(count: 8000, random: &random)
        #expect(drawn.shape == [8000, 2])
        var counts = [Int](repeating: 0, count: 8), squares = 0.0
        for row in 0..<drawn.rows {
            let nearest = ring.nearestMode(x: Double(drawn[row, 0]), y: Double(drawn[row, 1]))
            counts[nearest.mode] += 1
            squares += nearest.distance * nearest.distance
        }
        // Each mode gets about 1,000 points; the mean squared distance is 2σ² (two axes).
        #expect(counts.allSatisfy { abs($0 - 1000) < 120 }, "\(counts)")
        #expect(abs(squares / 8000 - 2 * 0.01) < 0.002)
        var again = RandomGenerator(seed: 11)
        #expect(ring.sample(count: 8000, random: &again) == drawn)
    }

    @Test func pointsAtEveryCenterCoverEveryMode() {
        let coverage = ring.coverage(of: points(ring.centers.flatMap { Array(repeating: ($0.x, $0.y), count: 5) }))
        #expect(coverage.closePoints == Array(repeating: 5, count: 8))
        #expect(coverage.modesCovered == 8 && coverage.closeShare == 1 && coverage.largestModeShare == 0.125)
    }

    @Test func pointsAtOneCenterCoverOneMode() {
        let coverage = ring.coverage(of: points(Array(repeating: (2, 0), count: 40)))
        #expect(coverage.modesCovered == 1 && coverage.closeShare == 1 && coverage.largestModeShare == 1)
    }

    @Test func closeMeansWithinThreeStandardDeviations() {
        // 0.29 from the first center is close, 0.31 is not; the origin and NaN are close to nothing.
        let coverage = ring.coverage(of: points([(2.29, 0), (2, 0.31), (0, 0), (.nan, 2)]))
        #expect(coverage.closePoints == [1, 0, 0, 0, 0, 0, 0, 0] && coverage.pointCount == 4)
        #expect(coverage.closeShare == 0.25)
    }

    @Test func aCoveredModeHoldsAQuarterOfAFairShare() {
        // 64 points: a quarter of a fair share is 64/32 = 2 points.
        let atFirst = Array(repeating: (2.0, 0.0), count: 60)
        let two = ring.coverage(of: points(atFirst + [(-2, 0), (-2, 0), (0, 0), (0, 0)]))
        #expect(two.coveredShare == 1.0 / 32 && two.modesCovered == 2)
        let one = ring.coverage(of: points(atFirst + [(-2, 0), (0, 0), (0, 0), (0, 0)]))
        #expect(one.modesCovered == 1, "one point in 64 is less than 1/32")
        #expect(ModeCoverage(closePoints: [0, 0], pointCount: 0).modesCovered == 0)
    }
}
