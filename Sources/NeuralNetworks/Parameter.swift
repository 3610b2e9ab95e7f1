import Tensors

/// A trainable tensor and the gradient of the loss with respect to it.
///
/// Layers own their parameters; optimizers update ``value`` from ``gradient``. The name is the
/// key under which the parameter is saved (`fc1.weight`), matching PyTorch's state dicts.
public final class Parameter {
    /// The key in a saved state dict, such as `fc1.weight`.
    public var name: String
    /// The current value.
    public let value: Tensor
    /// The gradient written by the last backward pass, with the shape of ``value``.
    public let gradient: Tensor

    /// Creates a parameter holding `value`, with a zero gradient.
    public init(name: String, value: Tensor) {
        self.name = name
        self.value = value
        self.gradient = Tensor(shape: value.shape)
    }
}
