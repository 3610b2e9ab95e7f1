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
    private var parallelUpdate: Update!

    public init(parameters: [Parameter], learningRate: Float = 1e-3, beta1: Float = 0.9, beta2: Float = 0.999, epsilon: Float = 1e-8) {
        self.parameters = parameters
        self.learningRate = learningRate
        self.beta1 = beta1
        self.beta2 = beta2
        self.epsilon = epsilon
        firstMoments = parameters.map { Tensor(shape: $0.value.shape) }
        secondMoments = parameters.map { Tensor(shape: $0.value.shape) }
        parallelUpdate = Update(optimizer: self)
    }

    /// The step size and second-moment correction of the current step (set by ``beginStep()``).
    private var stepSize: Float = 0, inverseRootCorrection2: Float = 0

    public func step() {
        beginStep()
        // Each element's update is independent, so the parallel split changes no result.
        Parallel.run(parallelUpdate)
    }

    /// Counts a step and computes its bias corrections, before ``update(_:elements:)`` calls.
    func beginStep() {
        stepCount += 1
        let t = Double(stepCount)
        let correction1 = 1 - Foundation.pow(Double(beta1), t)
        let correction2 = 1 - Foundation.pow(Double(beta2), t)
        stepSize = Float(Double(learningRate) / correction1)
        inverseRootCorrection2 = Float(1 / correction2.squareRoot())
    }

    /// Updates elements `elements` of parameter `index` from its gradient, in the step begun
    /// by the last ``beginStep()``. Calls for disjoint elements may run at the same time.
    func update(_ index: Int, elements: Range<Int>) {
        guard !elements.isEmpty else { return }
        let start = elements.lowerBound
        ck_adam_update(
            parameters[index].value.data + start, parameters[index].gradient.data + start,
            firstMoments[index].data + start, secondMoments[index].data + start, elements.count,
            beta1, beta2, epsilon, stepSize, inverseRootCorrection2)
    }

    /// Updates elements `elements` of `parameter`, which must be one of this optimizer's.
    func update(_ parameter: Parameter, elements: Range<Int>) {
        guard let index = parameters.firstIndex(where: { $0 === parameter }) else {
            preconditionFailure("Adam: \(parameter.name) is not among the optimizer's parameters")
        }
        update(index, elements: elements)
    }

    /// One step's update: each part updates its share of every parameter's elements.
    private final class Update: ParallelWork {
        unowned let optimizer: Adam

        init(optimizer: Adam) { self.optimizer = optimizer }

        func run(part: Int) {
            for (index, parameter) in optimizer.parameters.enumerated() {
                // Shares start on 64-byte boundaries, so each part's vectors stay aligned as a whole tensor's are.
                let count = parameter.value.count, share = (count / Parallel.parts + 15) & ~15
                let start = min(part * share, count), end = part == Parallel.parts - 1 ? count : min(start + share, count)
                optimizer.update(index, elements: start..<max(start, end))
            }
        }
    }
}
