import Foundation

/// How many of a model's samples the classifier puts in each class: what `showGANClasses` returns.
public final class ClassCounts: RecordObject {

    public struct Record: Codable, Equatable {
        /// The classes, in the dataset's order.
        public var classNames: [String]
        /// Samples per class, in the order of ``classNames``.
        public var counts: [Int]
    }

    public let record: Record

    public init(record: Record) { self.record = record }

    /// Counts the class indices `predicted` (indices outside `classNames` are not counted).
    convenience init(predicted: [Int], classNames: [String]) {
        var counts = [Int](repeating: 0, count: classNames.count)
        for index in predicted where counts.indices.contains(index) { counts[index] += 1 }
        self.init(record: Record(classNames: classNames, counts: counts))
    }

    /// The classes from the most samples to the fewest (the dataset's order among equals).
    var byCount: [(name: String, count: Int)] {
        zip(record.classNames, record.counts).map { (name: $0, count: $1) }.enumerated()
            .sorted { $0.element.count != $1.element.count ? $0.element.count > $1.element.count : $0.offset < $1.offset }
            .map(\.element)
    }

    public var summary: String {
        let total = record.counts.reduce(0, +)
        guard let top = byCount.first, total > 0 else { return "no samples" }
        let seen = record.counts.filter { $0 > 0 }.count
        return "\(seen) of \(record.classNames.count) classes in \(total) samples; most common \(inSentence(top.name)) (\(Int((100 * Double(top.count) / Double(total)).rounded()))%)"
    }
}
