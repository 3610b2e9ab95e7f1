import Foundation

/// The discriminator's scores D(x) on real and on generated images: what `showDiscriminatorScores` returns.
public final class ScoreSummary: RecordObject {

    public struct Record: Codable, Equatable {
        /// D(x) of each real image, in the set's order.
        public var real: [Double]
        /// D(x) of each generated image.
        public var generated: [Double]
    }

    public let record: Record

    public init(record: Record) { self.record = record }

    /// The mean of `scores` (NaN when there are none, or when one is NaN).
    static func mean(_ scores: [Double]) -> Double { scores.reduce(0, +) / Double(scores.count) }

    /// The share of `scores` that `holds` for (a NaN score counts as not holding).
    static func share(of scores: [Double], where holds: (Double) -> Bool) -> Double {
        Double(scores.filter(holds).count) / Double(max(scores.count, 1))
    }

    public var summary: String {
        "mean D(x) \(String(format: "%.2f", Self.mean(record.real))) on \(record.real.count) real images, \(String(format: "%.2f", Self.mean(record.generated))) on \(record.generated.count) generated ones"
    }
}
