import COpenBLAS
import CKernels

// In-place elementwise arithmetic. Each loop is a plain pass over contiguous storage that the
// compiler vectorizes; the training loop calls these on reused buffers.
extension Tensor {
    /// Adds `other` element by element: `self += other`.
    public func add(_ other: Tensor) {
        precondition(other.count == count, "add: \(other.shape) to \(shape)")
        let x = other.data, y = data
        for i in 0..<count { y[i] += x[i] }
    }

    /// Subtracts `other` element by element: `self -= other`.
    public func subtract(_ other: Tensor) {
        precondition(other.count == count, "subtract: \(other.shape) from \(shape)")
        let x = other.data, y = data
        for i in 0..<count { y[i] -= x[i] }
    }

    /// Multiplies by `other` element by element: `self *= other`.
    public func multiply(by other: Tensor) {
        precondition(other.count == count, "multiply: \(shape) by \(other.shape)")
        let x = other.data, y = data
        for i in 0..<count { y[i] *= x[i] }
    }

    /// Multiplies every element by `factor`.
    public func scale(by factor: Float) {
        let y = data
        for i in 0..<count { y[i] *= factor }
    }

    /// Adds `factor · other`: `self += factor · other` (BLAS axpy).
    public func add(_ other: Tensor, scaledBy factor: Float) {
        precondition(other.count == count, "add: \(other.shape) to \(shape)")
        NumericBackend.ensureLoaded()
        openblas_saxpy(Int32(count), factor, other.data, 1, data, 1)
    }

    /// Adds the row vector `vector` to every row of this matrix (broadcasting over the batch).
    public func addRowVector(_ vector: Tensor) {
        precondition(vector.count == columns, "addRowVector: \(vector.shape) over rows of \(shape)")
        let n = columns, v = vector.data
        for row in 0..<rows {
            let y = data + row * n
            for j in 0..<n { y[j] += v[j] }
        }
    }

    /// Overwrites every row of this matrix with `vector`.
    public func fillRows(with vector: Tensor) {
        precondition(vector.count == columns, "fillRows: \(vector.shape) into rows of \(shape)")
        for row in 0..<rows { (data + row * columns).update(from: vector.data, count: columns) }
    }

    /// Computes `result = a + b` element by element, resizing `result` to `a`'s shape.
    public static func add(_ a: Tensor, _ b: Tensor, into result: Tensor) {
        precondition(a.count == b.count, "add: \(a.shape) + \(b.shape)")
        result.resize(to: a.shape)
        let x = a.data, y = b.data, z = result.data
        for i in 0..<a.count { z[i] = x[i] + y[i] }
    }

    /// Computes `result = a - b` element by element, resizing `result` to `a`'s shape.
    public static func subtract(_ a: Tensor, _ b: Tensor, into result: Tensor) {
        precondition(a.count == b.count, "subtract: \(a.shape) - \(b.shape)")
        result.resize(to: a.shape)
        let x = a.data, y = b.data, z = result.data
        for i in 0..<a.count { z[i] = x[i] - y[i] }
    }

    /// Computes `result = a ⊙ b` element by element, resizing `result` to `a`'s shape.
    public static func multiply(_ a: Tensor, _ b: Tensor, into result: Tensor) {
        precondition(a.count == b.count, "multiply: \(a.shape) ⊙ \(b.shape)")
        result.resize(to: a.shape)
        let x = a.data, y = b.data, z = result.data
        for i in 0..<a.count { z[i] = x[i] * y[i] }
    }

    /// Applies a 16-lane vector function to every element, writing into `result`.
    ///
    /// `result` may be `self`. The last partial vector is padded, so every element goes through
    /// the same arithmetic.
    @inlinable
    public func apply(into result: Tensor, _ function: (SIMD16<Float>) -> SIMD16<Float>) {
        result.resize(to: shape)
        let x = UnsafePointer(data), y = result.data
        forEachVector(count: count) { offset, lanes in
            y.storeVector(function(x.loadVector(at: offset, lanes: lanes)), at: offset, lanes: lanes)
        }
    }

    /// Applies a 16-lane vector function of two tensors' elements, writing into `result`.
    @inlinable
    public static func apply(
        _ a: Tensor, _ b: Tensor, into result: Tensor,
        _ function: (SIMD16<Float>, SIMD16<Float>) -> SIMD16<Float>
    ) {
        precondition(a.count == b.count, "apply: \(a.shape) and \(b.shape)")
        result.resize(to: a.shape)
        let x = UnsafePointer(a.data), y = UnsafePointer(b.data), z = result.data
        forEachVector(count: a.count) { offset, lanes in
            z.storeVector(function(x.loadVector(at: offset, lanes: lanes), y.loadVector(at: offset, lanes: lanes)), at: offset, lanes: lanes)
        }
    }

    // The transcendental functions are C kernels (CKernels), compiled for the machine's widest
    // vector unit; they are polynomial approximations accurate to a few ulp.

    /// e^(factor·x) of every element, into `result` (which may be `self`).
    public func exp(scaledBy factor: Float = 1, into result: Tensor) {
        result.resize(to: shape)
        ck_exp(data, factor, result.data, count)
    }

    /// The natural logarithm of every (positive) element, into `result` (which may be `self`).
    public func log(into result: Tensor) {
        result.resize(to: shape)
        ck_log(data, result.data, count)
    }

    /// The logistic function of every element, into `result` (which may be `self`).
    public func sigmoid(into result: Tensor) {
        result.resize(to: shape)
        ck_sigmoid(data, result.data, count)
    }

    /// The hyperbolic tangent of every element, into `result` (which may be `self`).
    public func tanh(into result: Tensor) {
        result.resize(to: shape)
        ck_tanh(data, result.data, count)
    }
}
