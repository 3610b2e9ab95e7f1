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
    func eigenDecomposition() -> (values: [Double], vectors: [Double]) {
        var a = self
        var v = [Double](repeating: 0, count: size * size)
        for i in 0..<size { v[i * size + i] = 1 }
        for _ in 0..<100 {
            var offDiagonal = 0.0
            for p in 0..<size { for q in (p + 1)..<max(size, p + 1) { offDiagonal += a[p, q] * a[p, q] } }
            if offDiagonal < 1e-22 * max(a.frobeniusNormSquared, 1e-300) { break }
            for p in 0..<size {
                for q in (p + 1)..<max(size, p + 1) where abs(a[p, q]) > 1e-300 {
                    let theta = (a[q, q] - a[p, p]) / (2 * a[p, q])
                    let t = (theta >= 0 ? 1 : -1) / (abs(theta) + (theta * theta + 1).squareRoot())
                    let c = 1 / (t * t + 1).squareRoot(), s = t * c
                    for k in 0..<size {
                        let akp = a[k, p], akq = a[k, q]
                        a[k, p] = c * akp - s * akq
                        a[k, q] = s * akp + c * akq
                    }
                    for k in 0..<size {
                        let apk = a[p, k], aqk = a[q, k]
                        a[p, k] = c * apk - s * aqk
                        a[q, k] = s * apk + c * aqk
                    }
                    for k in 0..<size {
                        let vkp = v[k * size + p], vkq = v[k * size + q]
                        v[k * size + p] = c * vkp - s * vkq
                        v[k * size + q] = s * vkp + c * vkq
                    }
                }
            }
        }
        return ((0..<size).map { a[$0, $0] }, v)
    }

    func eigenvalues() -> [Double] { eigenDecomposition().values }

    /// The positive semi-definite square root V·diag(√max(λ, 0))·Vᵀ.
    func squareRoot() -> SymmetricMatrix {
        let (values, vectors) = eigenDecomposition()
        var result = SymmetricMatrix(size: size, elements: [Double](repeating: 0, count: size * size))
        for k in 0..<size {
            let root = max(values[k], 0).squareRoot()
            guard root > 0 else { continue }
            for i in 0..<size {
                let vik = vectors[i * size + k] * root
                for j in 0..<size { result.elements[i * size + j] += vik * vectors[j * size + k] }
            }
        }
        return result
    }

    /// The product with `other` (symmetric only in special cases such as the sandwich A·B·A,
    /// and then only up to rounding: see ``symmetrized()``).
    func multiplied(by other: SymmetricMatrix) -> SymmetricMatrix {
        var result = [Double](repeating: 0, count: size * size)
        for i in 0..<size {
            for k in 0..<size {
                let aik = elements[i * size + k]
                guard aik != 0 else { continue }
                for j in 0..<size { result[i * size + j] += aik * other.elements[k * size + j] }
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

    private var frobeniusNormSquared: Double { elements.reduce(0) { $0 + $1 * $1 } }
}
