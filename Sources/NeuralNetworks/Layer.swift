import Tensors

/// A differentiable layer: a forward pass, and a backward pass next to it.
///
/// `forward` returns a buffer the layer owns and reuses on its next call, and keeps what the
/// backward pass needs (its input or its output). `backward` takes the gradient of the loss
/// with respect to the output, *overwrites* the gradients of the layer's parameters, and
/// returns the gradient with respect to the input (again a reused buffer).
public protocol Layer: AnyObject {
    /// The trainable parameters, in a stable order.
    var parameters: [Parameter] { get }
    /// Computes the output for a batch `input` of shape [batch, features].
    func forward(_ input: Tensor) -> Tensor
    /// Propagates `outputGradient` back through the last forward pass.
    func backward(_ outputGradient: Tensor) -> Tensor
}

extension Layer {
    /// A layer without parameters has none to list.
    public var parameters: [Parameter] { [] }
}
