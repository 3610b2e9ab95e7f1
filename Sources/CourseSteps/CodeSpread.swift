/// Where a model's codes lie (their first two numbers): what `showCodes` returns, so that the
/// text can say how far they spread.
public final class CodeSpread: RecordObject {

    public struct Record: Codable, Equatable {
        /// The smallest and largest first numbers of the codes.
        public var lowestX: Double, highestX: Double
        /// The smallest and largest second numbers.
        public var lowestY: Double, highestY: Double
        /// The share of the codes within 3.5 of the origin on both axes (the square the density figures show).
        public var shareNearOrigin: Double
    }

    public let record: Record

    public init(record: Record) { self.record = record }

    /// The spread of the codes `x`, `y`.
    convenience init(x: [Double], y: [Double]) {
        let near = zip(x, y).filter { abs($0) <= 3.5 && abs($1) <= 3.5 }.count
        self.init(record: Record(
            lowestX: x.min() ?? .nan, highestX: x.max() ?? .nan, lowestY: y.min() ?? .nan, highestY: y.max() ?? .nan,
            shareNearOrigin: Double(near) / Double(max(x.count, 1))))
    }

    public var summary: String {
        "codes from \(Int(record.lowestX.rounded())) to \(Int(record.highestX.rounded())) across, \(Int(record.lowestY.rounded())) to \(Int(record.highestY.rounded())) up and down"
    }
}
