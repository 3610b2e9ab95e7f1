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
