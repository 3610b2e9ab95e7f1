import CBLAS

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
    ///
    /// With `accumulate`, the sums are added to what `result` holds.
    public func sumRows(into result: Tensor, accumulate: Bool = false) {
        let n = columns
        if !accumulate {
            result.resize(count: n)
            result.fill(0)
        }
        precondition(result.count == n, "sumRows: \(shape) into \(result.shape)")
        let y = result.data
        for row in 0..<rows {
            let x = data + row * n
            for j in 0..<n { y[j] += x[j] }
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
