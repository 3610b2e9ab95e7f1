import Tensors

/// One epoch's batches: a permutation of the examples, cut into consecutive batches of indices.
///
/// The permutation is drawn from the caller's generator, so the same seed gives the same
/// batches, and drawing the next epoch's batches continues the same stream.
public struct ShuffledBatches: RandomAccessCollection, Sendable {
    /// The epoch's order of example indices.
    public let order: [Int]
    /// The number of examples in each full batch.
    public let batchSize: Int
    /// Whether a last batch smaller than `batchSize` is left out.
    public let dropsLast: Bool

    /// Draws a permutation of `0..<exampleCount` from `generator` and cuts it into batches.
    public init(exampleCount: Int, batchSize: Int, dropLast: Bool = false, using generator: inout RandomGenerator) {
        precondition(exampleCount >= 0, "the example count cannot be negative")
        precondition(batchSize > 0, "a batch holds at least one example")
        self.order = generator.permutation(exampleCount)
        self.batchSize = batchSize
        self.dropsLast = dropLast
    }

    public var startIndex: Int { 0 }

    public var endIndex: Int {
        dropsLast ? order.count / batchSize : (order.count + batchSize - 1) / batchSize
    }

    /// The example indices of batch `position`.
    public subscript(position: Int) -> ArraySlice<Int> {
        precondition(position >= startIndex && position < endIndex, "batch \(position) out of range")
        let start = position * batchSize
        return order[start ..< Swift.min(start + batchSize, order.count)]
    }
}

extension ImageDataset {
    /// This epoch's shuffled batches of example indices, drawn from `generator`.
    public func shuffledBatches(size: Int, dropLast: Bool = false, using generator: inout RandomGenerator) -> ShuffledBatches {
        ShuffledBatches(exampleCount: count, batchSize: size, dropLast: dropLast, using: &generator)
    }
}
