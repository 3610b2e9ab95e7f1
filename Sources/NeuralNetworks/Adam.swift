import CKernels
import Foundation
import Tensors

/// Adam, with PyTorch's exact arithmetic:
/// `m ← β₁m + (1−β₁)g`, `v ← β₂v + (1−β₂)g²`,
/// `p ← p − (lr / (1−β₁ᵗ)) · m / (√v / √(1−β₂ᵗ) + ε)`.
public final class Adam: Optimizer {
    public let parameters: [Parameter]
    /// The learning rate.
    public var learningRate: Float
    /// The decay rates of the first and second moment estimates.
    public let beta1: Float, beta2: Float
    /// The term that keeps the denominator away from zero.
    public let epsilon: Float
    /// The number of steps taken so far.
    public var stepCount: Int = 0
    /// The first moment estimate of each parameter.
    public let firstMoments: [Tensor]
    /// The second moment estimate of each parameter.
    public let secondMoments: [Tensor]
    /// The update of one step, handed to `Parallel` (kept, so a step allocates nothing).
    private var update: Update!

    public init(parameters: [Parameter], learningRate: Float = 1e-3, beta1: Float = 0.9, beta2: Float = 0.999, epsilon: Float = 1e-8) {
        self.parameters = parameters
        self.learningRate = learningRate
        self.beta1 = beta1
        self.beta2 = beta2
        self.epsilon = epsilon
        firstMoments = parameters.map { Tensor(shape: $0.value.shape) }
        secondMoments = parameters.map { Tensor(shape: $0.value.shape) }
        update = Update(optimizer: self)
    }

    public func step() { step(addingGradientsOf: []) }

    /// Takes one step using the sum of the parameters' gradients and those of `replicas`
    /// (at most one parameter list, in the same order, as a data-parallel replica has): summing
    /// inside the update saves a separate pass over every gradient.
    public func step(addingGradientsOf replicas: [[Parameter]]) {
        precondition(replicas.count < Parallel.parts, "Adam sums the gradients of at most \(Parallel.parts - 1) replica")
        stepCount += 1
        let t = Double(stepCount)
        let correction1 = 1 - Foundation.pow(Double(beta1), t)
        let correction2 = 1 - Foundation.pow(Double(beta2), t)
        let stepSize = Float(Double(learningRate) / correction1)
        let inverseRootCorrection2 = Float(1 / correction2.squareRoot())
        update.stepSize = stepSize
        update.inverseRootCorrection2 = inverseRootCorrection2
        update.replica = replicas.first
        // Each element's update is independent, so the parallel split changes no result.
        Parallel.run(update)
        update.replica = nil
    }

    /// One step's update: each part updates its share of every parameter's elements.
    private final class Update: ParallelWork {
        unowned let optimizer: Adam
        var stepSize: Float = 0, inverseRootCorrection2: Float = 0
        var replica: [Parameter]?

        init(optimizer: Adam) { self.optimizer = optimizer }

        func run(part: Int) {
            for (index, parameter) in optimizer.parameters.enumerated() {
                // Shares start on 64-byte boundaries, so each part's vectors stay aligned as a whole tensor's are.
                let count = parameter.value.count, share = (count / Parallel.parts + 15) & ~15
                let start = min(part * share, count), end = part == Parallel.parts - 1 ? count : min(start + share, count)
                guard start < end else { continue }
                ck_adam_update(
                    parameter.value.data + start, parameter.gradient.data + start,
                    replica.map { UnsafePointer($0[index].gradient.data + start) },
                    optimizer.firstMoments[index].data + start, optimizer.secondMoments[index].data + start, end - start,
                    optimizer.beta1, optimizer.beta2, optimizer.epsilon, stepSize, inverseRootCorrection2)
            }
        }
    }
}
