/// A dense, row-major tensor of Float32 values with a shape.
///
/// A tensor is a reference: layers hand out their output buffers and reuse them on the next
/// call, so a training step allocates nothing. Use ``copy()`` for an independent value.
/// Storage is 64-byte aligned so that vector loops and BLAS see aligned rows.
public final class Tensor {
    /// The sizes of the dimensions, outermost first.
    public private(set) var shape: [Int]
    /// The number of elements, the product of ``shape``.
    public private(set) var count: Int
    /// The element storage; valid for ``count`` elements while the tensor lives.
    public private(set) var data: UnsafeMutablePointer<Float>
    /// How many elements the storage holds; ``resize(to:)`` reuses it when the new shape fits.
    public private(set) var capacity: Int

    /// Creates a tensor of the given shape filled with `value`.
    public init(shape: [Int], repeating value: Float = 0) {
        precondition(shape.allSatisfy { $0 >= 0 }, "negative dimension in shape \(shape)")
        self.shape = shape
        self.count = shape.reduce(1, *)
        self.capacity = Swift.max(count, 1)
        self.data = Tensor.allocate(capacity)
        data.initialize(repeating: value, count: capacity)
    }

    /// Creates a tensor of the given shape holding `values` in row-major order.
    public convenience init(shape: [Int], values: [Float]) {
        self.init(shape: shape)
        precondition(values.count == count, "\(values.count) values do not fill shape \(shape)")
        values.withUnsafeBufferPointer { data.update(from: $0.baseAddress!, count: count) }
    }

    /// Creates a tensor by running `body` on a buffer of `shape`'s element count.
    public convenience init(shape: [Int], initializingWith body: (UnsafeMutableBufferPointer<Float>) throws -> Void) rethrows {
        self.init(shape: shape)
        try body(UnsafeMutableBufferPointer(start: data, count: count))
    }

    deinit { data.deallocate() }

    private static func allocate(_ count: Int) -> UnsafeMutablePointer<Float> {
        let raw = UnsafeMutableRawPointer.allocate(byteCount: count * MemoryLayout<Float>.stride, alignment: 64)
        return raw.bindMemory(to: Float.self, capacity: count)
    }

    /// Changes the shape, reusing the storage when the new shape fits in it.
    ///
    /// Contents are unspecified afterwards when the storage grows; a training loop calls this
    /// for the smaller last batch of an epoch and allocates nothing.
    public func resize(to newShape: [Int]) {
        let newCount = newShape.reduce(1, *)
        if newCount > capacity {
            data.deallocate()
            capacity = newCount
            data = Tensor.allocate(capacity)
            data.initialize(repeating: 0, count: capacity)
        }
        shape = newShape
        count = newCount
    }

    /// Makes this a [rows, columns] matrix, reusing the storage; allocates nothing when the
    /// shape is already that (unlike ``resize(to:)`` with an array literal).
    public func resize(rows: Int, columns: Int) {
        if shape.count == 2 && shape[0] == rows && shape[1] == columns { return }
        resize(to: [rows, columns])
    }

    /// Makes this a vector of `count` elements, reusing the storage.
    public func resize(count newCount: Int) {
        if shape.count == 1 && shape[0] == newCount { return }
        resize(to: [newCount])
    }

    /// The number of rows of a matrix: the first dimension, or 1 for a vector.
    public var rows: Int { shape.count >= 2 ? shape[0] : 1 }
    /// The number of columns of a matrix: the product of the dimensions after the first.
    public var columns: Int { shape.count >= 2 ? count / Swift.max(shape[0], 1) : count }

    /// The element at a flat row-major index.
    public subscript(index: Int) -> Float {
        get { precondition(index >= 0 && index < count, "index \(index) out of range 0..<\(count)"); return data[index] }
        set { precondition(index >= 0 && index < count, "index \(index) out of range 0..<\(count)"); data[index] = newValue }
    }

    /// The element at `row`, `column` of a matrix.
    public subscript(row: Int, column: Int) -> Float {
        get { self[row * columns + column] }
        set { self[row * columns + column] = newValue }
    }

    /// The elements as a read-only buffer.
    public var buffer: UnsafeBufferPointer<Float> { UnsafeBufferPointer(start: data, count: count) }
    /// The elements as a mutable buffer.
    public var mutableBuffer: UnsafeMutableBufferPointer<Float> { UnsafeMutableBufferPointer(start: data, count: count) }

    /// The elements as an array, in row-major order.
    public var array: [Float] { Array(buffer) }

    /// Returns an independent tensor with the same shape and values.
    public func copy() -> Tensor {
        let result = Tensor(shape: shape)
        result.data.update(from: data, count: count)
        return result
    }

    /// Overwrites this tensor's values with `other`'s; the element counts must match.
    public func assign(_ other: Tensor) {
        precondition(other.count == count, "cannot assign \(other.shape) to \(shape)")
        data.update(from: other.data, count: count)
    }

    /// Sets every element to `value`.
    public func fill(_ value: Float) {
        data.update(repeating: value, count: count)
    }

    /// Copies the rows in `range` of a matrix into a new tensor.
    public func rows(_ range: Range<Int>) -> Tensor {
        precondition(range.lowerBound >= 0 && range.upperBound <= rows, "rows \(range) out of 0..<\(rows)")
        var newShape = shape
        newShape[0] = range.count
        let result = Tensor(shape: newShape)
        result.data.update(from: data + range.lowerBound * columns, count: range.count * columns)
        return result
    }
}

extension Tensor: CustomStringConvertible {
    /// A short description: the shape and the first few values.
    public var description: String {
        let shown = buffer.prefix(6).map { String($0) }.joined(separator: ", ")
        return "Tensor\(shape)[\(shown)\(count > 6 ? ", …" : "")]"
    }
}

extension Tensor: Equatable {
    /// Two tensors are equal when their shapes and every element's bits are equal.
    public static func == (lhs: Tensor, rhs: Tensor) -> Bool {
        lhs.shape == rhs.shape && (0..<lhs.count).allSatisfy { lhs.data[$0].bitPattern == rhs.data[$0].bitPattern }
    }
}

extension Tensor {
    /// Overwrites this matrix with the rows of `source` at `indices`, in order, resizing it to
    /// [indices.count, source.columns] within its storage: how a shuffled batch is gathered.
    public func gatherRows(of source: Tensor, at indices: some Collection<Int>) {
        let n = source.columns
        resize(rows: indices.count, columns: n)
        var destination = data
        for index in indices {
            precondition(index >= 0 && index < source.rows, "row \(index) out of 0..<\(source.rows)")
            destination.update(from: source.data + index * n, count: n)
            destination += n
        }
    }

    /// Copies `source`'s elements into this tensor starting at row `row`; used to stack batches.
    public func setRows(startingAt row: Int, from source: Tensor) {
        precondition(source.columns == columns && row + source.rows <= rows, "cannot place \(source.shape) at row \(row) of \(shape)")
        (data + row * columns).update(from: source.data, count: source.count)
    }
}
