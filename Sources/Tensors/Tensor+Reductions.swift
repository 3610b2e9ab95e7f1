
// Reductions accumulate in Double, in a fixed order, so results do not depend on the length
// of a vector register and sums of many terms (a loss over a batch) keep their precision.
extension Tensor {
    /// The sum of all elements.
    public func sum() -> Double {
        var total: Double = 0
        for i in 0..<count { total += Double(data[i]) }
        return total
    }

    /// The mean of all elements.
    public func mean() -> Double { count == 0 ? 0 : sum() / Double(count) }

    /// The sum of the squares of all elements.
    public func sumOfSquares() -> Double {
        var total: Double = 0
        for i in 0..<count { total += Double(data[i]) * Double(data[i]) }
        return total
    }

    /// The largest element; `-infinity` for an empty tensor.
    public func max() -> Float {
        var best = -Float.infinity
        for i in 0..<count where data[i] > best { best = data[i] }
        return best
    }

    /// The smallest element; `infinity` for an empty tensor.
    public func min() -> Float {
        var best = Float.infinity
        for i in 0..<count where data[i] < best { best = data[i] }
        return best
    }

    /// Whether every element is finite (no NaN, no infinity).
    public var isFinite: Bool {
        for i in 0..<count where !data[i].isFinite { return false }
        return true
    }

    /// Sums the rows of this matrix into `result` (shape [columns]): a bias gradient.
    public func sumRows(into result: Tensor) {
        result.resize(count: columns)
        sumRows(columns: 0..<columns, into: result)
    }

    /// Sums the rows of this matrix over `columns` only, into the same entries of `result`
    /// (shape [columns]), leaving its other entries alone: part of a bias gradient, for
    /// threads that share one.
    ///
    /// With `adding`, each sum is added to what `result` holds once it is complete, so
    /// summing two matrices in turn gives the sum of their separate sums.
    public func sumRows(columns range: Range<Int>, into result: Tensor, adding: Bool = false) {
        let n = columns
        precondition(result.count == n && range.clamped(to: 0..<n) == range, "sumRows: columns \(range) of \(shape) into \(result.shape)")
        withUnsafeTemporaryAllocation(of: Float.self, capacity: adding ? range.count : 0) { partial in
            let sums = adding ? partial.baseAddress! - range.lowerBound : result.data
            for j in range { sums[j] = 0 }
            for row in 0..<rows {
                let x = data + row * n
                for j in range { sums[j] += x[j] }
            }
            if adding { for j in range { result.data[j] += sums[j] } }
        }
    }

    /// The index of the largest element of each row of this matrix.
    public func argmaxRows() -> [Int] {
        (0..<rows).map { row in
            let x = data + row * columns
            var best = 0
            for j in 1..<Swift.max(columns, 1) where x[j] > x[best] { best = j }
            return best
        }
    }
}
