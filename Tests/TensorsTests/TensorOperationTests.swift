import Foundation
import Testing
@testable import Tensors

@Suite struct TensorOperationTests {
    func naiveProduct(_ a: [[Float]], _ b: [[Float]]) -> [[Float]] {
        a.map { row in (0..<b[0].count).map { j in zip(row, b.map { $0[j] }).reduce(0) { $0 + $1.0 * $1.1 } } }
    }

    func matrix(_ tensor: Tensor) -> [[Float]] { (0..<tensor.rows).map { r in (0..<tensor.columns).map { tensor[r, $0] } } }
    func transpose(_ m: [[Float]]) -> [[Float]] { (0..<m[0].count).map { j in m.map { $0[j] } } }

    @Test(arguments: [(false, false), (true, false), (false, true), (true, true)])
    func matmulMatchesTheDefinition(_ transposes: (Bool, Bool)) {
        var generator = RandomGenerator(seed: 31)
        let (m, k, n) = (5, 7, 3)
        let a = Tensor.normal(shape: transposes.0 ? [k, m] : [m, k], generator: &generator)
        let b = Tensor.normal(shape: transposes.1 ? [n, k] : [k, n], generator: &generator)
        let result = Tensor(shape: [0])
        Tensor.matmul(a, b, transposeA: transposes.0, transposeB: transposes.1, into: result)
        let expected = naiveProduct(transposes.0 ? transpose(matrix(a)) : matrix(a), transposes.1 ? transpose(matrix(b)) : matrix(b))
        #expect(result.shape == [m, n])
        for (row, expectedRow) in zip(matrix(result), expected) {
            for (value, expectedValue) in zip(row, expectedRow) { #expect(abs(value - expectedValue) < 1e-5) }
        }
    }

    @Test func matmulAccumulatesWithBeta() {
        let a = Tensor(shape: [1, 2], values: [1, 2]), b = Tensor(shape: [2, 1], values: [3, 4])
        let c = Tensor(shape: [1, 1], values: [10])
        Tensor.matmul(a, b, into: c, alpha: 2, beta: 0.5)
        #expect(c.array == [2 * 11 + 5])
    }

    /// Rows of aᵀ·b computed in separate calls, the second accumulating, give the product's
    /// rows and leave the other rows alone.
    @Test func matmulTransposedAWritesOnlyItsRows() {
        var generator = RandomGenerator(seed: 32)
        let a = Tensor.normal(shape: [6, 4], generator: &generator), b = Tensor.normal(shape: [6, 3], generator: &generator)
        let expected = naiveProduct(transpose(matrix(a)), matrix(b))
        let result = Tensor(shape: [4, 3], repeating: 42)
        Tensor.matmulTransposedA(a, b, rows: 1..<3, into: result)
        Tensor.matmulTransposedA(a, b, rows: 1..<3, into: result, beta: 1)
        expectTwice(expected, in: result, where: { r, _ in (1..<3).contains(r) })
        let columnSums = Tensor(shape: [4], repeating: 42)
        a.sumRows(columns: 2..<4, into: columnSums)
        #expect(columnSums[0] == 42 && columnSums[1] == 42)
        for j in 2..<4 { #expect(abs(columnSums[j] - (0..<6).reduce(0) { $0 + a[$1, j] }) < 1e-5) }
    }

    /// Columns of a·bᵀ computed in separate calls, the second accumulating, give the
    /// product's columns and leave the other columns alone.
    @Test func matmulTransposedBWritesOnlyItsColumns() {
        var generator = RandomGenerator(seed: 33)
        let a = Tensor.normal(shape: [5, 4], generator: &generator), b = Tensor.normal(shape: [6, 4], generator: &generator)
        let expected = naiveProduct(matrix(a), transpose(matrix(b)))
        let result = Tensor(shape: [5, 6], repeating: 42)
        Tensor.matmulTransposedB(a, b, columns: 2..<5, into: result)
        Tensor.matmulTransposedB(a, b, columns: 2..<5, into: result, beta: 1)
        expectTwice(expected, in: result, where: { _, j in (2..<5).contains(j) })
    }

    /// `result` holds twice `expected` where `written(row, column)`, and 42, its fill, elsewhere.
    func expectTwice(_ expected: [[Float]], in result: Tensor, where written: (Int, Int) -> Bool,
                     sourceLocation: SourceLocation = #_sourceLocation) {
        for (r, row) in matrix(result).enumerated() {
            for (j, value) in row.enumerated() {
                if written(r, j) {
                    #expect(abs(value - 2 * expected[r][j]) < 1e-5, sourceLocation: sourceLocation)
                } else {
                    #expect(value == 42, sourceLocation: sourceLocation)
                }
            }
        }
    }

    /// Products over two ranges of inner indices, the second accumulating, add up to the
    /// whole product; an empty range gives zeros.
    @Test func matmulOverInnerIndicesAddsUpToTheProduct() {
        var generator = RandomGenerator(seed: 34)
        let a = Tensor.normal(shape: [3, 7], generator: &generator), b = Tensor.normal(shape: [7, 4], generator: &generator)
        let expected = naiveProduct(matrix(a), matrix(b))
        let result = Tensor(shape: [0])
        Tensor.matmul(a, b, inner: 0..<3, into: result)
        Tensor.matmul(a, b, inner: 3..<7, into: result, beta: 1)
        #expect(result.shape == [3, 4])
        for (r, row) in matrix(result).enumerated() {
            for (j, value) in row.enumerated() { #expect(abs(value - expected[r][j]) < 1e-5) }
        }
        let firstShare = Tensor(shape: [0])
        Tensor.matmul(a, b, inner: 0..<3, into: firstShare)
        #expect(matrix(firstShare)[1][2] != expected[1][2])
        Tensor.matmul(a, b, inner: 7..<7, into: firstShare)
        #expect(firstShare.array.allSatisfy { $0 == 0 })
    }

    @Test func broadcastAndReductions() {
        let m = Tensor(shape: [2, 3], values: [1, 2, 3, 4, 5, 6])
        m.addRowVector(Tensor(shape: [3], values: [10, 20, 30]))
        #expect(m.array == [11, 22, 33, 14, 25, 36])
        let sums = Tensor(shape: [0])
        m.sumRows(into: sums)
        #expect(sums.array == [25, 47, 69])
        #expect(m.sum() == 141)
        #expect(m.max() == 36 && m.min() == 11)
        #expect(m.argmaxRows() == [2, 2])
        m.scale(by: 0.5)
        #expect(m[1, 2] == 18)
    }

    @Test func inPlaceArithmetic() {
        let x = Tensor(shape: [3], values: [1, 2, 3]), y = Tensor(shape: [3], values: [4, 5, 6])
        x.add(y)
        #expect(x.array == [5, 7, 9])
        x.multiply(by: y)
        #expect(x.array == [20, 35, 54])
        x.add(y, scaledBy: -2)
        #expect(x.array == [12, 25, 42])
        x.subtract(y)
        #expect(x.array == [8, 20, 36])
    }

    @Test func resizeReusesStorageWhenItFits() {
        let t = Tensor(shape: [128, 10])
        let storage = t.data
        t.resize(to: [96, 10])
        #expect(t.data == storage && t.count == 960 && t.rows == 96)
        t.resize(to: [128, 10])
        #expect(t.data == storage)
    }

    /// The vector kernels stay within a few ulp of libm over the range training uses.
    @Test func vectorMathIsAccurate() {
        let inputs = stride(from: -20.0 as Float, through: 20, by: 0.0137).map { $0 }
        let x = Tensor(shape: [inputs.count], values: inputs), y = Tensor(shape: [0])
        func maxRelativeError(_ reference: (Double) -> Double) -> Double {
            (0..<x.count).map { i in
                let exact = reference(Double(x[i]))
                return abs(Double(y[i]) - exact) / max(abs(exact), 1e-30)
            }.max()!
        }
        x.exp(into: y)
        #expect(maxRelativeError(Foundation.exp) < 1e-6)
        x.exp(scaledBy: 0.5, into: y)
        #expect(maxRelativeError { Foundation.exp(0.5 * $0) } < 1e-6)
        x.sigmoid(into: y)
        #expect(maxRelativeError { 1 / (1 + Foundation.exp(-$0)) } < 1e-6)
        x.tanh(into: y)
        #expect(maxRelativeError(Foundation.tanh) < 1e-6)
        let positive = Tensor(shape: [inputs.count], values: inputs.map { Foundation.exp($0 / 2) })
        positive.log(into: y)
        for i in 0..<positive.count { #expect(abs(Double(y[i]) - Foundation.log(Double(positive[i]))) < 2e-6 * max(1, abs(Double(y[i])))) }
    }

    /// The kernels may write over their input, and give the same bits when they do.
    @Test func vectorMathInPlaceMatchesOutOfPlace() {
        let values = stride(from: -9.0 as Float, through: 9, by: 0.37).map { $0 }  // 49: a partial last vector
        for kernel in [{ (a: Tensor, b: Tensor) in a.exp(into: b) }, { $0.sigmoid(into: $1) }, { $0.tanh(into: $1) }] {
            let x = Tensor(shape: [values.count], values: values), y = Tensor(shape: [0])
            kernel(x, y)
            kernel(x, x)
            #expect(x.array == y.array)
        }
    }
}
