import Tensors

/// Stochastic gradient descent with optional momentum, as PyTorch defines it:
/// `v ← μ·v + g`, `p ← p − lr·v` (plain `p ← p − lr·g` without momentum).
public final class SGD: Optimizer {
    public let parameters: [Parameter]
    /// The learning rate.
    public var learningRate: Float
    /// The momentum factor μ; 0 for plain SGD.
    public let momentum: Float
    /// One velocity per parameter; empty until the first step with momentum.
    public private(set) var velocities: [Tensor]

    public init(parameters: [Parameter], learningRate: Float, momentum: Float = 0) {
        self.parameters = parameters
        self.learningRate = learningRate
        self.momentum = momentum
        self.velocities = []
    }

    public func step() {
        if momentum == 0 {
            for parameter in parameters { parameter.value.add(parameter.gradient, scaledBy: -learningRate) }
            return
        }
        if velocities.isEmpty {
            // PyTorch starts the velocity at the first gradient.
            velocities = parameters.map { $0.gradient.copy() }
        } else {
            for (velocity, parameter) in zip(velocities, parameters) {
                velocity.scale(by: momentum)
                velocity.add(parameter.gradient)
            }
        }
        for (velocity, parameter) in zip(velocities, parameters) { parameter.value.add(velocity, scaledBy: -learningRate) }
    }
}
