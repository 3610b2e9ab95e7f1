import Foundation

/// A seeded pseudo-random generator (xoshiro256**, seeded through SplitMix64).
///
/// Every random draw in the course goes through one of these, so the same seed gives the same
/// stream of bits on every machine. The state is four 64-bit words and can be saved and
/// restored with ``state`` to resume a stream exactly where it stopped.
public struct RandomGenerator: RandomNumberGenerator, Sendable, Equatable {
    /// The four words of xoshiro256** state; assigning it resumes a saved stream.
    public var state: [UInt64] {
        get { [s0, s1, s2, s3] }
        set {
            precondition(newValue.count == 4 && newValue != [0, 0, 0, 0], "a generator state is four words, not all zero")
            (s0, s1, s2, s3) = (newValue[0], newValue[1], newValue[2], newValue[3])
        }
    }

    private var s0: UInt64, s1: UInt64, s2: UInt64, s3: UInt64

    /// Creates a generator whose stream is fixed by `seed`.
    public init(seed: UInt64) {
        var splitMix = seed
        func next() -> UInt64 {
            splitMix &+= 0x9E37_79B9_7F4A_7C15
            var z = splitMix
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        (s0, s1, s2, s3) = (next(), next(), next(), next())
    }

    /// Returns the next 64 random bits.
    public mutating func next() -> UInt64 {
        let result = rotateLeft(s1 &* 5, 7) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = rotateLeft(s3, 45)
        return result
    }

    /// Returns a Float uniformly distributed in [0, 1), with 24 random bits.
    public mutating func nextUniform() -> Float {
        Float(next() >> 40) * 0x1p-24
    }

    /// Returns a Float drawn from the standard normal distribution N(0, 1).
    ///
    /// The generator keeps no spare value between calls, so ``state`` alone resumes a stream;
    /// ``fillNormal(_:mean:standardDeviation:)`` uses both values of each Box–Muller pair.
    public mutating func nextNormal() -> Float {
        boxMullerPair().0
    }

    /// Fills `buffer` with draws from N(mean, standardDeviation²).
    public mutating func fillNormal(_ buffer: UnsafeMutableBufferPointer<Float>, mean: Float = 0, standardDeviation: Float = 1) {
        var i = 0
        while i < buffer.count {
            let (a, b) = boxMullerPair()
            buffer[i] = mean + standardDeviation * a
            if i + 1 < buffer.count { buffer[i + 1] = mean + standardDeviation * b }
            i += 2
        }
    }

    /// Fills `buffer` with draws from the uniform distribution on [low, high).
    public mutating func fillUniform(_ buffer: UnsafeMutableBufferPointer<Float>, low: Float = 0, high: Float = 1) {
        for i in buffer.indices { buffer[i] = low + (high - low) * nextUniform() }
    }

    /// Box–Muller in Double, rounded to Float, so that the last-bit differences between
    /// libm implementations almost never reach the result.
    private mutating func boxMullerPair() -> (Float, Float) {
        // u1 in (0, 1] so that log(u1) is finite.
        let u1 = (Double(next() >> 11) + 1) * 0x1p-53
        let u2 = Double(next() >> 11) * 0x1p-53
        let radius = (-2 * Foundation.log(u1)).squareRoot()
        let angle = 2 * Double.pi * u2
        return (Float(radius * Foundation.cos(angle)), Float(radius * Foundation.sin(angle)))
    }

    /// Returns a uniformly random integer in `0..<upperBound`, without modulo bias.
    public mutating func nextInt(below upperBound: Int) -> Int {
        precondition(upperBound > 0, "upper bound must be positive")
        return Int(next(upperBound: UInt64(upperBound)))
    }

    /// Returns a random permutation of `0..<count` (Fisher–Yates).
    public mutating func permutation(_ count: Int) -> [Int] {
        var indices = Array(0..<count)
        shuffle(&indices)
        return indices
    }

    /// Shuffles `array` in place (Fisher–Yates, drawing from this generator).
    public mutating func shuffle<T>(_ array: inout [T]) {
        guard array.count > 1 else { return }
        for i in stride(from: array.count - 1, to: 0, by: -1) {
            array.swapAt(i, nextInt(below: i + 1))
        }
    }

    /// Derives an independent generator for a named purpose (a cell, a layer) from this seed.
    public static func derived(from seed: UInt64, _ label: String) -> RandomGenerator {
        // FNV-1a over the label's UTF-8, mixed with the seed: stable across runs and machines.
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325 ^ seed
        for byte in label.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x100_0000_01B3
        }
        return RandomGenerator(seed: hash)
    }

    private func rotateLeft(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }
}
