import Testing
@testable import Tensors

@Suite struct RandomGeneratorTests {
    @Test func sameSeedGivesSameStream() {
        var a = RandomGenerator(seed: 42), b = RandomGenerator(seed: 42), c = RandomGenerator(seed: 43)
        let streamA = (0..<100).map { _ in a.next() }
        #expect(streamA == (0..<100).map { _ in b.next() })
        #expect(streamA != (0..<100).map { _ in c.next() })
    }

    /// The first outputs for seed 0 are fixed forever: a change here changes every figure.
    @Test func streamIsPinned() {
        var generator = RandomGenerator(seed: 0)
        let first = (0..<3).map { _ in generator.next() }
        #expect(first == RandomGeneratorTests.pinnedSeedZero)
    }
    static let pinnedSeedZero: [UInt64] = [11091344671253066420, 13793997310169335082, 1900383378846508768]

    @Test func normalDrawsHaveUnitMeanAndVariance() {
        var generator = RandomGenerator(seed: 7)
        var values = [Float](repeating: 0, count: 200_000)
        values.withUnsafeMutableBufferPointer { generator.fillNormal($0) }
        let mean = values.reduce(0, +) / Float(values.count)
        let variance = values.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Float(values.count)
        #expect(abs(mean) < 0.01)
        #expect(abs(variance - 1) < 0.01)
    }

    @Test func uniformDrawsStayInUnitInterval() {
        var generator = RandomGenerator(seed: 3)
        let values = (0..<100_000).map { _ in generator.nextUniform() }
        #expect(values.allSatisfy { $0 >= 0 && $0 < 1 })
        #expect(abs(values.reduce(0, +) / Float(values.count) - 0.5) < 0.01)
    }

    @Test func savedStateResumesTheStream() {
        var generator = RandomGenerator(seed: 9)
        _ = generator.nextNormal()
        var resumed = RandomGenerator(seed: 1)
        resumed.state = generator.state
        #expect((0..<10).map { _ in generator.nextNormal() } == (0..<10).map { _ in resumed.nextNormal() })
    }

    @Test func permutationContainsEveryIndexOnce() {
        var generator = RandomGenerator(seed: 5)
        let permutation = generator.permutation(1000)
        #expect(permutation.sorted() == Array(0..<1000))
        #expect(permutation != Array(0..<1000))
    }
}
