import CBLAS

extension Tensor {
    /// Computes `result = alpha · op(a) · op(b) + beta · result` with one `cblas_sgemm` call.
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
        precondition(result !== a && result !== b, "matmul: the result must not alias an operand")
        if beta == 0 {
            result.resize(rows: m, columns: n)
        } else {
            precondition(result.rows == m && result.columns == n, "matmul: accumulating into \(result.shape), expected [\(m), \(n)]")
        }
        guard m > 0, n > 0 else { return }
        BLASThreads.singleThreaded
        if k == 0 {
            if beta == 0 { result.fill(0) } else { result.scale(by: beta) }
            return
        }
        cblas_sgemm(
            CblasRowMajor,
            transposeA ? CblasTrans : CblasNoTrans,
            transposeB ? CblasTrans : CblasNoTrans,
            Int32(m), Int32(n), Int32(k),
            alpha, a.data, Int32(a.columns),
            b.data, Int32(b.columns),
            beta, result.data, Int32(n)
        )
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
        BLASThreads.singleThreaded
        cblas_sgemm(
            CblasRowMajor, CblasTrans, CblasNoTrans,
            Int32(rows.count), Int32(n), Int32(k),
            1, a.data + rows.lowerBound, Int32(a.columns),
            b.data, Int32(n),
            beta, output.baseAddress, Int32(n)
        )
    }

    /// Returns the matrix product `self · other` (or with either operand transposed) as a new tensor.
    public func matmul(_ other: Tensor, transposeSelf: Bool = false, transposeOther: Bool = false) -> Tensor {
        let result = Tensor(shape: [0])
        Tensor.matmul(self, other, transposeA: transposeSelf, transposeB: transposeOther, into: result)
        return result
    }
}
