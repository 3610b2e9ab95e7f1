import Testing
import Tensors
@testable import NeuralNetworks

@Suite struct LayerGradientTests {
    let check = GradientCheck()

    @Test func linear() {
        var generator = RandomGenerator(seed: 11)
        let layer = Linear(5, 4, name: "fc", generator: &generator)
        let mismatches = check.mismatches(layer: layer, input: inputAwayFromZero(shape: [3, 5], seed: 2))
        #expect(mismatches.isEmpty, "\(mismatches)")
    }

    @Test func linearWithoutInputGradientLeavesParametersRight() {
        var generator = RandomGenerator(seed: 12)
        let layer = Linear(4, 3, name: "fc", generator: &generator)
        layer.propagatesGradient = false
        let input = inputAwayFromZero(shape: [2, 4], seed: 3)
        _ = layer.forward(input)
        let gradient = Tensor(shape: [2, 3], values: [1, 2, 3, 4, 5, 6])
        _ = layer.backward(gradient)
        // dL/db is the column sum of the output gradient.
        #expect(layer.bias.gradient.array == [5, 7, 9])
    }

    @Test(arguments: ["relu", "leaky", "sigmoid", "tanh"])
    func activation(_ kind: String) {
        let layer: any Layer = switch kind {
        case "relu": ReLU()
        case "leaky": LeakyReLU(slope: 0.2)
        case "sigmoid": Sigmoid()
        default: Tanh()
        }
        // 40 elements: more than two 16-lane vectors, so the padded tail is checked too.
        let mismatches = check.mismatches(layer: layer, input: inputAwayFromZero(shape: [4, 10], seed: 4))
        #expect(mismatches.isEmpty, "\(mismatches)")
    }

    @Test func sequentialNetwork() {
        var generator = RandomGenerator(seed: 13)
        let network = Sequential([
            Linear(6, 5, name: "a", generator: &generator), LeakyReLU(slope: 0.2),
            Linear(5, 4, name: "b", generator: &generator), Tanh(),
            Linear(4, 3, name: "c", generator: &generator), Sigmoid(),
        ])
        let mismatches = check.mismatches(layer: network, input: inputAwayFromZero(shape: [3, 6], seed: 5))
        #expect(mismatches.isEmpty, "\(mismatches)")
        #expect(network.parameters.map(\.name) == ["a.weight", "a.bias", "b.weight", "b.bias", "c.weight", "c.bias"])
    }
}

@Suite struct GradientCheckTests {
    /// A sigmoid whose backward pass forgets the derivative σ(1 − σ) altogether.
    final class WrongSigmoid: Layer {
        let inner = Sigmoid()
        func forward(_ input: Tensor) -> Tensor { inner.forward(input) }
        func backward(_ outputGradient: Tensor) -> Tensor { outputGradient }
    }

    @Test func aWrongGradientFails() {
        let check = GradientCheck()
        let mismatches = check.mismatches(layer: WrongSigmoid(), input: inputAwayFromZero(shape: [2, 5], seed: 6))
        #expect(!mismatches.isEmpty)
    }

    /// A gradient off by 3% in a single element is caught.
    @Test func aSlightlyWrongElementFails() {
        var generator = RandomGenerator(seed: 14)
        let layer = Linear(3, 2, name: "fc", generator: &generator)
        let input = inputAwayFromZero(shape: [2, 3], seed: 7)
        let weights = Tensor(shape: [2, 2], values: [0.5, -1, 2, 0.25])
        _ = layer.forward(input)
        _ = layer.backward(weights)
        var analytic = layer.weight.gradient.array
        analytic[4] *= 1.03
        let check = GradientCheck()
        let mismatches = check.mismatches(name: "weight", tensor: layer.weight.value, analytic: analytic) {
            let y = layer.forward(input)
            return (0..<y.count).reduce(0.0) { $0 + Double(y[$1]) * Double(weights[$1]) }
        }
        #expect(mismatches.map(\.index) == [4])
    }
}
