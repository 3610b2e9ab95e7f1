/// Vectorized transcendental functions on 16 Float lanes.
///
/// Training spends much of its non-BLAS time in exp and log (sigmoid, KL, cross-entropy);
/// libm's scalar calls would cost more than the matrix products on the VAE's output layer.
/// These are Cephes-style polynomial approximations, accurate to a few ulp, and pure
/// arithmetic, so they give the same bits on every run.
public enum VectorMath {
    public typealias Vector = SIMD16<Float>

    /// e^x, lane by lane; saturates to 0 below about -87 and to about 2^127 above 88.
    @inlinable @inline(__always)
    public static func exp(_ x: Vector) -> Vector {
        var clamped = x.replacing(with: -87.33, where: x .< -87.33)
        clamped = clamped.replacing(with: 88.37, where: clamped .> 88.37)
        // Adding 1.5·2²³ rounds to an integer held in the low mantissa bits: n without a
        // float-to-int conversion, which SIMD types do lane by lane.
        let magic: Vector = Vector(repeating: 12_582_912)
        let shifted = clamped * 1.442_695_04 + magic
        let n = shifted - magic
        // r = x - n·ln 2, with ln 2 split in two so the subtraction stays exact.
        let r = clamped - n * 0.693_359_375 + n * 2.121_944_4e-4
        var p: Vector = Vector(repeating: 1.987_569_15e-4)
        p = p * r + 1.398_199_95e-3
        p = p * r + 8.333_451_9e-3
        p = p * r + 4.166_579_59e-2
        p = p * r + 1.666_666_55e-1
        p = p * r + 5.000_000_12e-1
        p = p * (r * r) + r + 1
        let integer = unsafeBitCast(shifted, to: SIMD16<Int32>.self) &- unsafeBitCast(magic, to: SIMD16<Int32>.self)
        let exponent = (integer &+ 127) &<< 23
        return p * unsafeBitCast(exponent, to: Vector.self)
    }

    /// The natural logarithm, lane by lane, for positive normal inputs.
    @inlinable @inline(__always)
    public static func log(_ x: Vector) -> Vector {
        let bits = unsafeBitCast(x, to: SIMD16<Int32>.self)
        // x = m · 2^e with m in [0.5, 1).
        // The exponent field as a float, by the same magic-number trick in reverse.
        let magic: Vector = Vector(repeating: 12_582_912)
        var e = unsafeBitCast(((bits &>> 23) &- 126) &+ unsafeBitCast(magic, to: SIMD16<Int32>.self), to: Vector.self) - magic
        var m = unsafeBitCast((bits & 0x007F_FFFF) | 0x3F00_0000, to: Vector.self)
        let small = m .< 0.707_106_77
        e = e.replacing(with: e - 1, where: small)
        m = m.replacing(with: m + m, where: small) - 1
        let z = m * m
        var p: Vector = Vector(repeating: 7.037_683_6e-2)
        p = p * m - 1.151_461_03e-1
        p = p * m + 1.167_699_87e-1
        p = p * m - 1.242_014_08e-1
        p = p * m + 1.424_932_28e-1
        p = p * m - 1.666_805_77e-1
        p = p * m + 2.000_071_48e-1
        p = p * m - 2.499_999_4e-1
        p = p * m + 3.333_333_1e-1
        var y = p * m * z
        y = y - e * 2.121_944_4e-4 - 0.5 * z
        return m + y + e * 0.693_359_375
    }

    /// The logistic function 1 / (1 + e^-x), lane by lane.
    @inlinable @inline(__always)
    public static func sigmoid(_ x: Vector) -> Vector {
        1 / (1 + exp(-x))
    }

    /// The hyperbolic tangent, lane by lane; a short series near zero keeps small values exact.
    @inlinable @inline(__always)
    public static func tanh(_ x: Vector) -> Vector {
        let magnitude = absolute(x)
        let e = exp(-2 * magnitude)
        let large = (1 - e) / (1 + e)
        let x2 = x * x
        var series: Vector = Vector(repeating: -17.0 / 315)
        series = series * x2 + 2.0 / 15
        series = series * x2 - 1.0 / 3
        series = (series * x2 + 1) * x
        let signed = large.replacing(with: -large, where: x .< 0)
        return signed.replacing(with: series, where: magnitude .< 0.0625)
    }

    /// log(1 + e^x) computed without overflow, lane by lane.
    @inlinable @inline(__always)
    public static func softplus(_ x: Vector) -> Vector {
        let positive = x.replacing(with: 0, where: x .< 0)
        return positive + log(1 + exp(-absolute(x)))
    }

    /// |x|, lane by lane, by clearing the sign bit.
    @inlinable @inline(__always)
    public static func absolute(_ x: Vector) -> Vector {
        unsafeBitCast(unsafeBitCast(x, to: SIMD16<UInt32>.self) & 0x7FFF_FFFF, to: Vector.self)
    }
}

/// Applies a vector kernel over `count` elements, 16 lanes at a time, with a padded tail.
///
/// The tail is loaded into a zero-padded vector and only its valid lanes are written back, so
/// every element goes through the same arithmetic whatever the length.
@inlinable @inline(__always)
public func forEachVector(
    count: Int,
    _ body: (_ offset: Int, _ lanes: Int) -> Void
) {
    var i = 0
    while i + 16 <= count {
        body(i, 16)
        i += 16
    }
    if i < count { body(i, count - i) }
}


/// A mask that is true for the lanes at or beyond `lanes`: the padding of a partial vector.
@inlinable @inline(__always)
public func laneMask(_ lanes: Int) -> SIMDMask<SIMD16<Int32>> {
    SIMD16<Int32>(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15) .>= Int32(lanes)
}

extension UnsafePointer<Float> {
    /// Loads 16 elements from `offset`, or the `lanes` that remain, zero-padded.
    @inlinable @inline(__always)
    public func loadVector(at offset: Int, lanes: Int) -> SIMD16<Float> {
        if lanes == 16 { return UnsafeRawPointer(self + offset).loadUnaligned(as: SIMD16<Float>.self) }
        var v = SIMD16<Float>()
        for lane in 0..<lanes { v[lane] = self[offset + lane] }
        return v
    }
}

extension UnsafeMutablePointer<Float> {
    /// Stores the first `lanes` lanes of `v` at `offset`.
    @inlinable @inline(__always)
    public func storeVector(_ v: SIMD16<Float>, at offset: Int, lanes: Int) {
        if lanes == 16 { UnsafeMutableRawPointer(self + offset).storeBytes(of: v, as: SIMD16<Float>.self); return }
        for lane in 0..<lanes { self[offset + lane] = v[lane] }
    }
}
