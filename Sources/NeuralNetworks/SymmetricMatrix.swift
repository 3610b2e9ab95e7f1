/// A dense symmetric matrix of Doubles with the eigen-decomposition the Fréchet distance needs.
struct SymmetricMatrix {
    let size: Int
    /// Row-major elements.
    var elements: [Double]

    subscript(row: Int, column: Int) -> Double {
        get { elements[row * size + column] }
        set { elements[row * size + column] = newValue }
    }

    /// The eigenvalues and eigenvectors (as columns of a row-major matrix), by cyclic Jacobi
    /// rotations: slow for large matrices but exact to rounding and free of dependencies; the
    /// course's matrices are 128 × 128.
    ///
    /// The loops run over pointers rather than through the subscript: the same arithmetic in
    /// the same order, but six times faster in a debug build, where each array subscript is a
    /// call (a Fréchet distance took five seconds there). The indices stay within `n × n`.
    func eigenDecomposition() -> (values: [Double], vectors: [Double]) {
        let n = size
        guard n > 0 else { return ([], []) }
        var a = elements
        var v = [Double](repeating: 0, count: n * n)
        for i in 0..<n { v[i * n + i] = 1 }
        a.withUnsafeMutableBufferPointer { buffer in
            let a = buffer.baseAddress!
            v.withUnsafeMutableBufferPointer { vectors in
                let v = vectors.baseAddress!
                for _ in 0..<100 {
                    var offDiagonal = 0.0
                    for p in 0..<n { for q in (p + 1)..<max(n, p + 1) { offDiagonal += a[p * n + q] * a[p * n + q] } }
                    let normSquared = buffer.reduce(0) { $0 + $1 * $1 }
                    if offDiagonal < 1e-22 * max(normSquared, 1e-300) { break }
                    for p in 0..<n {
                        for q in (p + 1)..<max(n, p + 1) where abs(a[p * n + q]) > 1e-300 {
                            let theta = (a[q * n + q] - a[p * n + p]) / (2 * a[p * n + q])
                            let t = (theta >= 0 ? 1 : -1) / (abs(theta) + (theta * theta + 1).squareRoot())
                            let c = 1 / (t * t + 1).squareRoot(), s = t * c
                            for k in 0..<n {
                                let akp = a[k * n + p], akq = a[k * n + q]
                                a[k * n + p] = c * akp - s * akq
                                a[k * n + q] = s * akp + c * akq
                            }
                            for k in 0..<n {
                                let apk = a[p * n + k], aqk = a[q * n + k]
                                a[p * n + k] = c * apk - s * aqk
                                a[q * n + k] = s * apk + c * aqk
                            }
                            for k in 0..<n {
                                let vkp = v[k * n + p], vkq = v[k * n + q]
                                v[k * n + p] = c * vkp - s * vkq
                                v[k * n + q] = s * vkp + c * vkq
                            }
                        }
                    }
                }
            }
        }
        return ((0..<n).map { a[$0 * n + $0] }, v)
    }

    func eigenvalues() -> [Double] { eigenDecomposition().values }

    /// The positive semi-definite square root V·diag(√max(λ, 0))·Vᵀ.
    func squareRoot() -> SymmetricMatrix {
        let (values, vectors) = eigenDecomposition()
        var result = [Double](repeating: 0, count: size * size)
        result.withUnsafeMutableBufferPointer { result in
            vectors.withUnsafeBufferPointer { vectors in
                for k in 0..<size {
                    let root = max(values[k], 0).squareRoot()
                    guard root > 0 else { continue }
                    for i in 0..<size {
                        let vik = vectors[i * size + k] * root
                        for j in 0..<size { result[i * size + j] += vik * vectors[j * size + k] }
                    }
                }
            }
        }
        return SymmetricMatrix(size: size, elements: result)
    }

    /// The product with `other` (symmetric only in special cases such as the sandwich A·B·A,
    /// and then only up to rounding: see ``symmetrized()``).
    func multiplied(by other: SymmetricMatrix) -> SymmetricMatrix {
        var result = [Double](repeating: 0, count: size * size)
        result.withUnsafeMutableBufferPointer { result in
            elements.withUnsafeBufferPointer { elements in
                other.elements.withUnsafeBufferPointer { otherElements in
                    for i in 0..<size {
                        for k in 0..<size {
                            let aik = elements[i * size + k]
                            guard aik != 0 else { continue }
                            for j in 0..<size { result[i * size + j] += aik * otherElements[k * size + j] }
                        }
                    }
                }
            }
        }
        return SymmetricMatrix(size: size, elements: result)
    }

    /// (A + Aᵀ) / 2: removes the rounding asymmetry of a product that is symmetric in exact arithmetic.
    func symmetrized() -> SymmetricMatrix {
        var result = self
        for i in 0..<size { for j in 0..<size { result[i, j] = (self[i, j] + self[j, i]) / 2 } }
        return result
    }
}
