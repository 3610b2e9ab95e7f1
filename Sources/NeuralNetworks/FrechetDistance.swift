import Tensors

/// The Fréchet distance between two sets of feature vectors, each summarised as a Gaussian:
/// `‖μ₁ − μ₂‖² + tr(Σ₁ + Σ₂ − 2(Σ₁Σ₂)^½)`.
///
/// With a classifier's features this is the FID-style score of generated images against real
/// ones: 0 for identical statistics, larger as samples drift from the data.
public enum FrechetDistance {
    /// The distance between the Gaussians fitted to the rows of `first` and `second` ([n, d]).
    public static func between(_ first: Tensor, _ second: Tensor) -> Double {
        precondition(first.columns == second.columns, "features of different sizes: \(first.shape), \(second.shape)")
        let (mean1, covariance1) = statistics(first)
        let (mean2, covariance2) = statistics(second)
        let d = first.columns
        let meanTerm = zip(mean1, mean2).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }
        let trace1 = (0..<d).reduce(0) { $0 + covariance1[$1 * d + $1] }
        let trace2 = (0..<d).reduce(0) { $0 + covariance2[$1 * d + $1] }
        // tr (Σ₁Σ₂)^½ = Σ √λ, with λ the eigenvalues of the symmetric Σ₁^½ Σ₂ Σ₁^½.
        let root1 = SymmetricMatrix(size: d, elements: covariance1).squareRoot()
        let product = root1.multiplied(by: SymmetricMatrix(size: d, elements: covariance2)).multiplied(by: root1).symmetrized()
        let traceOfRoot = product.eigenvalues().reduce(0) { $0 + max($1, 0).squareRoot() }
        return max(meanTerm + trace1 + trace2 - 2 * traceOfRoot, 0)
    }

    /// The mean and the (unbiased) covariance, row-major, of the rows of `features`.
    static func statistics(_ features: Tensor) -> (mean: [Double], covariance: [Double]) {
        let (n, d) = (features.rows, features.columns)
        guard d > 0 else { return ([], []) }
        let elements = features.buffer
        var mean = [Double](repeating: 0, count: d)
        for row in 0..<n { for j in 0..<d { mean[j] += Double(elements[row * d + j]) } }
        for j in 0..<d { mean[j] /= Double(max(n, 1)) }
        var covariance = [Double](repeating: 0, count: d * d)
        var centered = [Double](repeating: 0, count: d)
        // Over pointers: n·d²/2 steps, each an array subscript call in a debug build.
        covariance.withUnsafeMutableBufferPointer { buffer in
            let covariance = buffer.baseAddress!
            centered.withUnsafeMutableBufferPointer { centeredBuffer in
                let centered = centeredBuffer.baseAddress!
                for row in 0..<n {
                    for j in 0..<d { centered[j] = Double(elements[row * d + j]) - mean[j] }
                    for i in 0..<d where centered[i] != 0 {
                        let ci = centered[i]
                        for j in i..<d { covariance[i * d + j] += ci * centered[j] }
                    }
                }
            }
        }
        let scale = 1 / Double(max(n - 1, 1))
        for i in 0..<d {
            for j in i..<d {
                covariance[i * d + j] *= scale
                covariance[j * d + i] = covariance[i * d + j]
            }
        }
        return (mean, covariance)
    }
}
