import Foundation

/// A VAE's and a GAN's samples measured side by side: what `compareModels` returns.
public final class ModelComparison: RecordObject {

    public struct Record: Codable, Equatable {
        /// Samples per model.
        public var count: Int
        /// The Fréchet distances of each model's samples to the real images.
        public var vaeDistance: Double, ganDistance: Double
        /// The classifier's classes of each model's samples.
        public var vaeClasses: ClassCounts.Record, ganClasses: ClassCounts.Record
    }

    public let record: Record

    public init(record: Record) { self.record = record }

    public var summary: String {
        "Fréchet distance to the real images: VAE \(String(format: "%.1f", record.vaeDistance)), GAN \(String(format: "%.1f", record.ganDistance)) (\(record.count) samples each)"
    }
}
