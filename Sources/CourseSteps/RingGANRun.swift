import Datasets
import Foundation

/// What training a GAN on a ring of normals measured: what `trainRingGAN` returns.
public final class RingGANRun: RecordObject {

    public struct Record: Codable, Equatable {
        /// The number of training steps (rounds of k discriminator steps and one generator step).
        public var steps: Int
        /// For each panel of the figure, the step it shows and the close points of each mode
        /// among the generated points measured there (see ``ModeCoverage``).
        public var panelSteps: [Int]
        public var panelClosePoints: [[Int]]
        /// How many generated points each panel measured.
        public var measuredPoints: Int
        /// The mean of D(G(z)) and of the generator's loss over the last tenth of the steps.
        public var finalMeanFakeScore: Double
        public var finalGeneratorLoss: Double
    }

    public let record: Record

    public init(record: Record) { self.record = record }

    /// The coverage of the modes by the generated points at panel `index`.
    func coverage(atPanel index: Int) -> ModeCoverage {
        ModeCoverage(closePoints: record.panelClosePoints[index], pointCount: record.measuredPoints)
    }

    /// The coverage at the end of training.
    var finalCoverage: ModeCoverage { coverage(atPanel: record.panelClosePoints.count - 1) }

    public var summary: String {
        let final = finalCoverage
        return "GAN on a ring after \(record.steps) steps: \(final.modesCovered) of \(final.closePoints.count) modes covered, "
            + "\(Int((100 * final.closeShare).rounded()))% of the points within 3σ of a mode"
    }
}
