import COpenBLAS

extension Tensor {
    /// Computes `result = alpha · op(a) · op(b) + beta · result` with one sgemm call (see `NumericBackend`).
    ///
    /// `op(x)` is `x` or its transpose, chosen by the flags; a transposed operand is read in
    /// place by BLAS, never copied. `a` and `b` are matrices (a tensor of rank > 2 is viewed as
    /// [first dimension, rest]); `result` is resized to [rows of op(a), columns of op(b)]
    /// (reusing its storage) and must not alias either operand.
    public static func matmul(
        _ a: Tensor, _ b: Tensor, transposeA: Bool = false, transposeB: Bool = false,
        into result: Tensor, alpha: Float = 1, beta: Float = 0
    ) {
        let (m, k) = transposeA ? (a.columns, a.rows) : (a.rows, a.columns)
        let (kB, n) = transposeB ? (b.columns, b.rows) : (b.rows, b.columns)
        precondition(k == kB, "matmul: inner dimensions differ: \(a.shape)\(transposeA ? "ᵀ" : "") × \(b.shape)\(transposeB ? "ᵀ" : "")")
        guard prepare(result, rows: m, columns: n, inner: k, beta: beta, operands: a, b) else { return }
        openblas_sgemm(
            transposeA,
            transposeB,
            Int32(m), Int32(n), Int32(k),
            alpha, a.data, Int32(a.columns),
            b.data, Int32(b.columns),
            beta, result.data, Int32(n)
        )
    }

    /// Readies `result` for a product of shape [m, n] with `inner` terms per element: resizes
    /// it when the product overwrites it (`beta` 0), else checks its shape. Returns whether
    /// BLAS has work to do; when there are no terms, `result` is already `beta · result`.
    private static func prepare(_ result: Tensor, rows m: Int, columns n: Int, inner: Int, beta: Float, operands a: Tensor, _ b: Tensor) -> Bool {
        precondition(result !== a && result !== b, "matmul: the result must not alias an operand")
        if beta == 0 {
            result.resize(rows: m, columns: n)
        } else {
            precondition(result.rows == m && result.columns == n, "matmul: accumulating into \(result.shape), expected [\(m), \(n)]")
        }
        guard m > 0, n > 0 else { return false }
        NumericBackend.ensureLoaded()
        guard inner > 0 else {
            if beta == 0 { result.fill(0) } else { result.scale(by: beta) }
            return false
        }
        return true
    }

    /// Computes rows `rows` of `aᵀ · b` into the same rows of `result`:
    /// `result[rows] = a[:, rows]ᵀ · b + beta · result[rows]`, with `result` of shape
    /// [a.columns, b.columns] already.
    ///
    /// A weight gradient summed over a batch is such a product; threads computing different
    /// rows of it use this side by side, each writing only its own rows.
    public static func matmulTransposedA(_ a: Tensor, _ b: Tensor, rows: Range<Int>, into result: Tensor, beta: Float = 0) {
        let (k, n) = (a.rows, b.columns)
        precondition(b.rows == k, "matmul: inner dimensions differ: \(a.shape)ᵀ × \(b.shape)")
        precondition(result.rows == a.columns && result.columns == n && rows.clamped(to: 0..<a.columns) == rows,
                     "matmul: rows \(rows) of \(a.shape)ᵀ × \(b.shape) into \(result.shape)")
        precondition(result !== a && result !== b, "matmul: the result must not alias an operand")
        guard !rows.isEmpty, n > 0 else { return }
        let output = UnsafeMutableBufferPointer(start: result.data + rows.lowerBound * n, count: rows.count * n)
        if k == 0 {
            if beta == 0 { output.update(repeating: 0) } else { for i in output.indices { output[i] *= beta } }
            return
        }
        NumericBackend.ensureLoaded()
        openblas_sgemm(
            true, false,
            Int32(rows.count), Int32(n), Int32(k),
            1, a.data + rows.lowerBound, Int32(a.columns),
            b.data, Int32(n),
            beta, output.baseAddress, Int32(n)
        )
    }

    /// Computes columns `columns` of `a · bᵀ` into the same columns of `result`:
    /// `result[:, columns] = a · b[columns, :]ᵀ + beta · result[:, columns]`, with `result` of
    /// shape [a.rows, b.rows] already.
    ///
    /// A layer whose output features are split between threads computes its share of the
    /// outputs with this, reading only its own rows of the weight matrix.
    public static func matmulTransposedB(_ a: Tensor, _ b: Tensor, columns: Range<Int>, into result: Tensor, beta: Float = 0) {
        let (m, k) = (a.rows, a.columns)
        precondition(b.columns == k, "matmul: inner dimensions differ: \(a.shape) × \(b.shape)ᵀ")
        precondition(result.rows == m && result.columns == b.rows && columns.clamped(to: 0..<b.rows) == columns,
                     "matmul: columns \(columns) of \(a.shape) × \(b.shape)ᵀ into \(result.shape)")
        precondition(result !== a && result !== b, "matmul: the result must not alias an operand")
        guard m > 0, !columns.isEmpty else { return }
        let n = result.columns
        if k == 0 {
            for row in 0..<m {
                let output = result.data + row * n
                for j in columns { output[j] = beta == 0 ? 0 : beta * output[j] }
            }
            return
        }
        NumericBackend.ensureLoaded()
        openblas_sgemm(
            false, true,
            Int32(m), Int32(columns.count), Int32(k),
            1, a.data, Int32(k),
            b.data + columns.lowerBound * k, Int32(k),
            beta, result.data + columns.lowerBound, Int32(n)
        )
    }

    /// Computes the part of `a · b` that runs over the inner indices `inner`:
    /// `result = a[:, inner] · b[inner, :] + beta · result`, resizing `result` to
    /// [a.rows, b.columns] when `beta` is 0.
    ///
    /// Threads that each own some rows of a weight matrix compute their share of an input
    /// gradient with this; the shares add up to the whole product.
    public static func matmul(_ a: Tensor, _ b: Tensor, inner: Range<Int>, into result: Tensor, beta: Float = 0) {
        let (m, n) = (a.rows, b.columns)
        precondition(b.rows == a.columns && inner.clamped(to: 0..<a.columns) == inner,
                     "matmul: inner indices \(inner) of \(a.shape) × \(b.shape)")
        guard prepare(result, rows: m, columns: n, inner: inner.count, beta: beta, operands: a, b) else { return }
        openblas_sgemm(
            false, false,
            Int32(m), Int32(n), Int32(inner.count),
            1, a.data + inner.lowerBound, Int32(a.columns),
            b.data + inner.lowerBound * n, Int32(n),
            beta, result.data, Int32(n)
        )
    }

    /// Returns the matrix product `self · other` (or with either operand transposed) as a new tensor.
    public func matmul(_ other: Tensor, transposeSelf: Bool = false, transposeOther: Bool = false) -> Tensor {
        let result = Tensor(shape: [0])
        Tensor.matmul(self, other, transposeA: transposeSelf, transposeB: transposeOther, into: result)
        return result
    }
}
