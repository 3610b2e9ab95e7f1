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

    /// Returns the matrix product `self · other` (or with either operand transposed) as a new tensor.
    public func matmul(_ other: Tensor, transposeSelf: Bool = false, transposeOther: Bool = false) -> Tensor {
        let result = Tensor(shape: [0])
        Tensor.matmul(self, other, transposeA: transposeSelf, transposeB: transposeOther, into: result)
        return result
    }
}
