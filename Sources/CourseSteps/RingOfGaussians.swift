import Datasets
import Foundation
import Tensors

/// Points drawn from a ring of normal distributions in the plane: what `ringOfGaussians` returns.
///
/// The record holds the ring and the seed, not the points: the points are drawn again from
/// the seed, the same on every machine, so a checkpoint stays a few bytes.
public final class RingOfGaussians: RecordObject {

    public struct Record: Codable, Equatable {
        /// The number of modes on the ring.
        public var modes: Int
        /// The radius of the ring.
        public var radius: Double
        /// Each mode's standard deviation, σ.
        public var spread: Double
        /// How many points were drawn.
        public var count: Int
        /// The seed they were drawn with.
        public var seed: UInt64
    }

    public let record: Record
    /// The mixture the points come from.
    public let ring: GaussianRing
    /// The points, [count, 2].
    public let points: Tensor

    public init(record: Record) {
        self.record = record
        ring = GaussianRing(modeCount: record.modes, radius: record.radius, spread: record.spread)
        var random = RandomGenerator(seed: record.seed)
        points = ring.sample(count: record.count, random: &random)
    }

    public var summary: String {
        "\(record.count) points from a ring of \(record.modes) normals, radius \(record.radius), σ \(record.spread)"
    }
}
