import Testing
import Tensors
@testable import NeuralNetworks

@Suite struct OptimizerTests {
    func parameter(_ values: [Float], gradient: [Float]) -> Parameter {
        let parameter = Parameter(name: "p", value: Tensor(shape: [values.count], values: values))
        parameter.gradient.assign(Tensor(shape: [gradient.count], values: gradient))
        return parameter
    }

    @Test func plainSGD() {
        let p = parameter([1, -2], gradient: [0.5, -1])
        SGD(parameters: [p], learningRate: 0.1).step()
        #expect(p.value.array == [0.95, -1.9])
    }

    /// By hand: v₁ = g = 1, p = 1 − 0.1·1 = 0.9; v₂ = 0.9·1 + 1 = 1.9, p = 0.9 − 0.19 = 0.71.
    @Test func sgdWithMomentum() {
        let p = parameter([1], gradient: [1])
        let sgd = SGD(parameters: [p], learningRate: 0.1, momentum: 0.9)
        sgd.step()
        #expect(abs(p.value[0] - 0.9) < 1e-6)
        sgd.step()
        #expect(abs(p.value[0] - 0.71) < 1e-6)
    }

    /// By hand, lr 0.1, g = 2 then 1:
    /// step 1: m = 0.2, v = 0.004, m̂ = 2, v̂ = 4, p = 1 − 0.1·2/(2 + 1e-8) ≈ 0.9.
    /// step 2: m = 0.18 + 0.1 = 0.28, v = 0.003996 + 0.001 = 0.004996,
    ///         m̂ = 0.28/0.19 = 1.473684, v̂ = 0.004996/0.001999 = 2.499250, √v̂ = 1.580902,
    ///         p = 0.9 − 0.1·1.473684/1.580902 = 0.806782.
    @Test func adamTwoSteps() {
        let p = parameter([1], gradient: [2])
        let adam = Adam(parameters: [p], learningRate: 0.1)
        adam.step()
        #expect(abs(p.value[0] - 0.9) < 1e-6)
        p.gradient[0] = 1
        adam.step()
        #expect(abs(p.value[0] - 0.806782) < 2e-6)
        #expect(adam.stepCount == 2)
    }

    /// Adam's first step moves every parameter by about lr, whatever the gradient's scale.
    @Test func adamFirstStepIsScaleFree() {
        let p = parameter([0, 0, 0], gradient: [1e-3, -50, 7])
        Adam(parameters: [p], learningRate: 0.01).step()
        for (value, expected) in zip(p.value.array, [Float(-0.01), 0.01, -0.01]) { #expect(abs(value - expected) < 1e-5) }
    }
}
