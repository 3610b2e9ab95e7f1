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
        update = Update(optimizer: self, groups: Parallel.balancedGroups(sizes: parameters.map(\.value.count)))
    }

    public func step() { step(addingGradientsOf: []) }

    /// Takes one step using the sum of the parameters' gradients and those of `replicas`
    /// (parameter lists in the same order, as data-parallel replicas have): summing inside the
    /// update saves a separate pass over every gradient.
    public func step(addingGradientsOf replicas: [[Parameter]]) {
        stepCount += 1
        let t = Double(stepCount)
        let correction1 = 1 - Foundation.pow(Double(beta1), t)
        let correction2 = 1 - Foundation.pow(Double(beta2), t)
        let stepSize = Float(Double(learningRate) / correction1)
        let inverseRootCorrection2 = Float(1 / correction2.squareRoot())
        update.stepSize = stepSize
        update.inverseRootCorrection2 = inverseRootCorrection2
        update.replicas = replicas
        // Each element's update is independent, so the parallel split changes no result.
        Parallel.run(update)
        update.replicas = []
    }

    /// One step's update, each part updating its group of parameters.
    private final class Update: ParallelWork {
        unowned let optimizer: Adam
        let groups: [[Int]]
        var stepSize: Float = 0, inverseRootCorrection2: Float = 0
        var replicas: [[Parameter]] = []

        init(optimizer: Adam, groups: [[Int]]) {
            self.optimizer = optimizer
            self.groups = groups
        }

        func run(part: Int) {
            for index in groups[part] {
                let second = replicas.first.map { UnsafePointer($0[index].gradient.data) }
                optimizer.update(index, second: second, rest: replicas.dropFirst(), stepSize: stepSize,
                                 inverseRootCorrection2: inverseRootCorrection2)
            }
        }
    }

    /// The update of parameter `index`, 16 elements at a time, with the gradients of the
    /// replicas (`second` and `rest`) added to its own.
    private func update(_ index: Int, second: UnsafePointer<Float>?, rest: ArraySlice<[Parameter]>, stepSize: Float, inverseRootCorrection2: Float) {
        let p = parameters[index].value.data, g = UnsafePointer(parameters[index].gradient.data)
        let m = firstMoments[index].data, v = secondMoments[index].data
        let (b1, b2, eps) = (beta1, beta2, epsilon)
        forEachVector(count: parameters[index].value.count) { offset, lanes in
            var gv = g.loadVector(at: offset, lanes: lanes)
            if let second { gv += second.loadVector(at: offset, lanes: lanes) }
            for other in rest { gv += UnsafePointer(other[index].gradient.data).loadVector(at: offset, lanes: lanes) }
            let mv = b1 * UnsafePointer(m).loadVector(at: offset, lanes: lanes) + (1 - b1) * gv
            let vv = b2 * UnsafePointer(v).loadVector(at: offset, lanes: lanes) + (1 - b2) * gv * gv
            let denominator = vv.squareRoot() * inverseRootCorrection2 + eps
            let pv = UnsafePointer(p).loadVector(at: offset, lanes: lanes) - stepSize * mv / denominator
            m.storeVector(mv, at: offset, lanes: lanes)
            v.storeVector(vv, at: offset, lanes: lanes)
            p.storeVector(pv, at: offset, lanes: lanes)
        }
    }
}
