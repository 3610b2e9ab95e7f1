import CAllocationCounter
import COpenBLAS
import Tensors

/// sgemm at the shapes of one VAE training step, through `Tensor.matmul` and through a raw
/// OpenBLAS `cblas_sgemm` call on the same buffers, so the wrapper's overhead shows directly.
enum SgemmBenchmark {
    /// One product `op(A)[m, k] · op(B)[k, n]`, named like the layer pass it belongs to.
    struct Shape {
        let name: String, m: Int, n: Int, k: Int, transposeA: Bool, transposeB: Bool
        var flops: Double { 2 * Double(m * n * k) }
    }

    struct Result: Encodable {
        let name: String, shape: String
        let tensorsGflops: Double, rawGflops: Double, tensorsOverRaw: Double
        let secondsPerCall: Double
    }

    /// The products of a 784-400-20-400-784 network at batch 128: forward `x·Wᵀ`, weight
    /// gradient `dyᵀ·x`, input gradient `dy·W` (none for the first layer).
    static func stepShapes(layers: [Int] = [784, 400, 20, 400, 784], batch: Int = 128) -> [Shape] {
        var shapes: [Shape] = []
        for (index, (input, output)) in zip(layers, layers.dropFirst()).enumerated() {
            shapes.append(forward(input, output, batch: batch))
            shapes.append(weightGradient(input, output, batch: batch))
            if index > 0 { shapes.append(inputGradient(input, output, batch: batch)) }
        }
        return shapes
    }

    /// A linear layer's forward product, `x[batch, input] · W[output, input]ᵀ`.
    static func forward(_ input: Int, _ output: Int, batch: Int) -> Shape {
        Shape(name: "forward \(input)->\(output)", m: batch, n: output, k: input, transposeA: false, transposeB: true)
    }

    /// A linear layer's weight gradient, `dy[batch, output]ᵀ · x[batch, input]`.
    static func weightGradient(_ input: Int, _ output: Int, batch: Int) -> Shape {
        Shape(name: "weight gradient \(input)->\(output)", m: output, n: input, k: batch, transposeA: true, transposeB: false)
    }

    /// A linear layer's input gradient, `dy[batch, output] · W[output, input]`.
    static func inputGradient(_ input: Int, _ output: Int, batch: Int) -> Shape {
        Shape(name: "input gradient \(input)->\(output)", m: batch, n: input, k: output, transposeA: false, transposeB: false)
    }

    /// Seconds per raw OpenBLAS call at `shape`, on one core: what the products of a step
    /// cannot go below.
    static func rawSecondsPerCall(_ shape: Shape) -> Double {
        let (a, b, c) = operands(shape)
        return secondsPerCall(rounds: 3, roundSeconds: 0.05) { rawSgemm(shape, a, b, c) }
    }

    static func describe(_ shape: Shape) -> String {
        let a = shape.transposeA ? "[\(shape.k),\(shape.m)]ᵀ" : "[\(shape.m),\(shape.k)]"
        let b = shape.transposeB ? "[\(shape.n),\(shape.k)]ᵀ" : "[\(shape.k),\(shape.n)]"
        return "\(a)x\(b)"
    }

    /// Random operands and a result buffer for `shape`.
    static func operands(_ shape: Shape) -> (a: Tensor, b: Tensor, c: Tensor) {
        var generator = RandomGenerator(seed: 1)
        let a = Tensor.normal(shape: shape.transposeA ? [shape.k, shape.m] : [shape.m, shape.k], generator: &generator)
        let b = Tensor.normal(shape: shape.transposeB ? [shape.n, shape.k] : [shape.k, shape.n], generator: &generator)
        return (a, b, Tensor(shape: [shape.m, shape.n]))
    }

    static func rawSgemm(_ shape: Shape, _ a: Tensor, _ b: Tensor, _ c: Tensor) {
        precondition(openblas_load(), "OpenBLAS did not load; course doctor says why")
        openblas_sgemm(shape.transposeA, shape.transposeB,
                       Int32(shape.m), Int32(shape.n), Int32(shape.k), 1, a.data, Int32(a.columns), b.data, Int32(b.columns), 0, c.data, Int32(shape.n))
    }

    /// The heap allocations one raw `cblas_sgemm` call at `shape` makes, averaged over 100.
    static func allocationsPerRawCall(_ shape: Shape) -> Double {
        let (a, b, c) = operands(shape)
        rawSgemm(shape, a, b, c)
        let before = allocation_count()
        for _ in 0..<100 { rawSgemm(shape, a, b, c) }
        return Double(allocation_count() - before) / 100
    }

    static func measure(_ shape: Shape) -> Result {
        let (a, b, c) = operands(shape)
        let throughTensors = secondsPerCall {
            Tensor.matmul(a, b, transposeA: shape.transposeA, transposeB: shape.transposeB, into: c)
        }
        let raw = secondsPerCall { rawSgemm(shape, a, b, c) }
        return Result(
            name: shape.name, shape: describe(shape),
            tensorsGflops: rounded(shape.flops / throughTensors / 1e9), rawGflops: rounded(shape.flops / raw / 1e9),
            tensorsOverRaw: rounded(raw / throughTensors), secondsPerCall: rounded(throughTensors)
        )
    }

    static func run() -> [Result] { stepShapes().map(measure) }
}
