import Tensors
@testable import NeuralNetworks

/// Compares analytic gradients with central differences `(L(x+ε) − L(x−ε)) / 2ε`.
///
/// Float32 forward passes limit the precision of a difference quotient, so the check uses a
/// fairly large ε and a relative tolerance of 1%: a correct gradient passes with a wide margin
/// and a gradient that is wrong by a few percent in one element fails (see
/// `GradientCheckTests.aWrongGradientFails`).
struct GradientCheck {
    var epsilon: Float = 1e-2
    var relativeTolerance = 1e-2
    var absoluteTolerance = 1e-3

    struct Mismatch: CustomStringConvertible {
        let name: String, index: Int, analytic: Double, numeric: Double
        var description: String { "\(name)[\(index)]: analytic \(analytic), numeric \(numeric)" }
    }

    /// Returns the elements of `tensor` whose analytic gradient disagrees with the numeric one.
    func mismatches(name: String, tensor: Tensor, analytic: [Float], loss: () -> Double) -> [Mismatch] {
        precondition(analytic.count == tensor.count)
        var found: [Mismatch] = []
        for index in 0..<tensor.count {
            let saved = tensor[index]
            tensor[index] = saved + epsilon
            let plus = loss()
            tensor[index] = saved - epsilon
            let minus = loss()
            tensor[index] = saved
            let numeric = (plus - minus) / (2 * Double(epsilon))
            let exact = Double(analytic[index])
            if abs(numeric - exact) > absoluteTolerance + relativeTolerance * max(abs(numeric), abs(exact)) {
                found.append(Mismatch(name: name, index: index, analytic: exact, numeric: numeric))
            }
        }
        return found
    }

    /// Checks a layer: the loss is `Σ wᵢ·yᵢ` for fixed random weights w, so dL/dy = w.
    /// Returns mismatches for the input and every parameter.
    func mismatches(layer: any Layer, input: Tensor, seed: UInt64 = 1) -> [Mismatch] {
        var generator = RandomGenerator(seed: seed)
        let output = layer.forward(input)
        let weights = Tensor.normal(shape: output.shape, generator: &generator)
        func loss() -> Double {
            let y = layer.forward(input)
            return (0..<y.count).reduce(0.0) { $0 + Double(y[$1]) * Double(weights[$1]) }
        }
        _ = layer.forward(input)
        let inputGradient = layer.backward(weights).array
        let parameterGradients = layer.parameters.map { $0.gradient.array }
        var found = mismatches(name: "input", tensor: input, analytic: inputGradient, loss: loss)
        for (parameter, gradient) in zip(layer.parameters, parameterGradients) {
            found += mismatches(name: parameter.name, tensor: parameter.value, analytic: gradient, loss: loss)
        }
        return found
    }
}

/// A batch of inputs kept away from zero, so that no finite-difference step crosses the kink
/// of a rectifier.
func inputAwayFromZero(shape: [Int], seed: UInt64) -> Tensor {
    var generator = RandomGenerator(seed: seed)
    let tensor = Tensor.normal(shape: shape, generator: &generator)
    for i in 0..<tensor.count where abs(tensor[i]) < 0.1 { tensor[i] += tensor[i] < 0 ? -0.1 : 0.1 }
    return tensor
}
