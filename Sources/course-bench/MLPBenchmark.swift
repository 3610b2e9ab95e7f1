import CAllocationCounter
import NeuralNetworks
import Tensors

/// Training steps of a 784-400-20-400-784 ReLU autoencoder (binary cross-entropy on logits,
/// Adam) at batch 128, against the time its matrix products alone take.
enum MLPBenchmark {
    struct Result: Encodable {
        let network: String, batch: Int, steps: Int
        let samplesPerSecond: Double
        let secondsPerStep: Double
        /// The step time if it did nothing but its sgemm calls, measured at the same shapes.
        let sgemmBoundSecondsPerStep: Double
        let sgemmBoundSamplesPerSecond: Double
        /// samplesPerSecond / sgemmBoundSamplesPerSecond: 1 means all time is in sgemm.
        let fractionOfSgemmBound: Double
        /// Heap allocations per training step, all threads included.
        let allocationsPerStep: Double
        /// Of those, the ones OpenBLAS makes when it hands a product to its worker threads:
        /// measured on raw `cblas_sgemm` calls at the step's shapes. (With one BLAS thread,
        /// `OPENBLAS_NUM_THREADS=1`, both are 0.)
        let allocationsPerStepInsideOpenBLAS: Double
    }

    static func run(steps: Int, batch: Int = 128) -> Result {
        var generator = RandomGenerator(seed: 2)
        let network = Sequential([
            Linear(784, 400, name: "fc1", generator: &generator), ReLU(),
            Linear(400, 20, name: "fc2", generator: &generator), ReLU(),
            Linear(20, 400, name: "fc3", generator: &generator), ReLU(),
            Linear(400, 784, name: "fc4", generator: &generator),
        ])
        (network.layers[0] as! Linear).propagatesGradient = false
        let optimizer = Adam(parameters: network.parameters)
        let input = Tensor.uniform(shape: [batch, 784], generator: &generator)
        let logitsGradient = Tensor(shape: [batch, 784])

        func step() {
            let logits = network.forward(input)
            _ = BinaryCrossEntropy.withLogits(logits, targets: input, reduction: .sum, gradient: logitsGradient)
            _ = network.backward(logitsGradient)
            optimizer.step()
        }

        for _ in 0..<5 { step() }
        let allocationsBefore = allocation_count()
        let start = now()
        for _ in 0..<steps { step() }
        let seconds = (now() - start) / Double(steps)
        let allocations = Double(allocation_count() - allocationsBefore) / Double(steps)

        let shapes = SgemmBenchmark.stepShapes(batch: batch)
        let bound = shapes.map { SgemmBenchmark.measure($0).secondsPerCall }.reduce(0, +)
        let blasAllocations = shapes.map { SgemmBenchmark.allocationsPerRawCall($0) }.reduce(0, +)
        return Result(
            network: "784-400-20-400-784 ReLU, BCE on logits, Adam", batch: batch, steps: steps,
            samplesPerSecond: rounded(Double(batch) / seconds), secondsPerStep: rounded(seconds),
            sgemmBoundSecondsPerStep: rounded(bound), sgemmBoundSamplesPerSecond: rounded(Double(batch) / bound),
            fractionOfSgemmBound: rounded(bound / seconds), allocationsPerStep: allocations,
            allocationsPerStepInsideOpenBLAS: blasAllocations
        )
    }
}
