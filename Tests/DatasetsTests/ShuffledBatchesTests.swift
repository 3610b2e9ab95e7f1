import Testing
import Tensors
@testable import Datasets

@Suite struct ShuffledBatchesTests {
    let dataset = ImageDataset(rows: 2, columns: 2, pixels: (0..<40).map(Float.init),
                               labels: (0..<10).map { $0 % 3 }, classNames: ["a", "b", "c"])

    @Test func sameSeedSameBatches() {
        var first = RandomGenerator(seed: 42), second = RandomGenerator(seed: 42)
        for _ in 0..<3 {
            let a = dataset.shuffledBatches(size: 4, using: &first)
            let b = dataset.shuffledBatches(size: 4, using: &second)
            #expect(a.map(Array.init) == b.map(Array.init))
        }
        var other = RandomGenerator(seed: 43)
        var again = RandomGenerator(seed: 42)
        #expect(dataset.shuffledBatches(size: 4, using: &other).order != dataset.shuffledBatches(size: 4, using: &again).order)
    }

    @Test func epochsDiffer() {
        var generator = RandomGenerator(seed: 1)
        let first = dataset.shuffledBatches(size: 10, using: &generator).order
        let second = dataset.shuffledBatches(size: 10, using: &generator).order
        #expect(first != second)
        #expect(first.sorted() == Array(0..<10) && second.sorted() == Array(0..<10))
    }

    @Test func batchSizesAndDropLast() {
        var generator = RandomGenerator(seed: 3)
        let kept = dataset.shuffledBatches(size: 4, using: &generator)
        #expect(kept.map(\.count) == [4, 4, 2])
        #expect(kept.flatMap { $0 }.sorted() == Array(0..<10))
        let dropped = dataset.shuffledBatches(size: 4, dropLast: true, using: &generator)
        #expect(dropped.map(\.count) == [4, 4])
        #expect(ShuffledBatches(exampleCount: 0, batchSize: 4, using: &generator).isEmpty)
    }

    @Test func copiesPixelsIntoAReusedBuffer() {
        var buffer = [Float](repeating: -1, count: 3 * 4 + 1)
        buffer.withUnsafeMutableBufferPointer { dataset.copyPixels(of: [9, 0, 4], into: $0) }
        #expect(buffer == [36, 37, 38, 39, 0, 1, 2, 3, 16, 17, 18, 19, -1])
        var oneHot = [Float](repeating: 7, count: 6)
        oneHot.withUnsafeMutableBufferPointer { dataset.copyOneHotLabels(of: [5, 1], into: $0) }
        #expect(oneHot == [0, 0, 1, 0, 1, 0])
    }

    @Test func subsetAndPrefix() {
        let subset = dataset.subset([2, 2, 7])
        #expect(subset.count == 3)
        #expect(subset.labels == [2, 2, 1])
        #expect(Array(subset.image(2)) == [28, 29, 30, 31])
        let prefix = dataset.prefix(3)
        #expect(prefix.pixels == (0..<12).map(Float.init))
        #expect(dataset.prefix(100) == dataset)
    }
}
