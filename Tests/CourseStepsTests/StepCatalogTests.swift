import Figures
import NeuralNetworks
import Outputs
import Testing
@testable import CourseSteps

@Suite struct StepCatalogTests {
    @Test func namesAreUniquePerReceiver() {
        var seen = Set<String>()
        for step in StepCatalog.steps {
            let key = "\(step.kind)-\(step.name)"
            #expect(!seen.contains(key), "\(key) is registered twice")
            seen.insert(key)
        }
    }

    @Test func defaultsHaveTheirParameterTypeAndRange() {
        for step in StepCatalog.steps {
            for parameter in step.parameters {
                guard let value = parameter.defaultValue, value != .null else { continue }
                #expect(parameter.type.accepts(value.value(as: parameter.type).type), "\(step.name)(\(parameter.label ?? "_"):) default \(value)")
                if let range = parameter.range, case .int(let number) = value { #expect(range.contains(Double(number)), "\(step.name).\(parameter.label ?? "_")") }
                if let range = parameter.range, case .double(let number) = value { #expect(range.contains(number), "\(step.name).\(parameter.label ?? "_")") }
            }
        }
    }

    @Test func lookupFindsFunctionsAndProperties() {
        #expect(StepCatalog.step(named: "trainVAE")?.result == .object("TrainedVAE"))
        #expect(StepCatalog.step(named: "test", receiver: "CourseData")?.result == .object("ImageSet"))
        #expect(StepCatalog.step(named: "test") == nil)
    }

    /// A GAN trained through its catalog entry checkpoints and restores bit for bit.
    @Test func ganThroughTheCatalog() throws {
        let data = try StepCatalog.step(named: "fashionMNIST")!.invoke([.int(256)])
        let step = StepCatalog.step(named: "trainGAN")!
        let (value, items) = try Display.capture { () throws -> StepValue in
            try step.invoke([data, .int(1), .choice("saturating", type: .of(GAN.GeneratorLoss.self)), .int(1), .double(2e-4), .int(64), .int(3)])
        }
        let gan: TrainedGAN = value.object()
        #expect(gan.history.steps.count == 4 && gan.gan.configuration.generatorLoss == .saturating)
        #expect(items.count == 3)
        let restored = try TrainedGAN.restore(from: try Safetensors(data: gan.checkpoint().serialized(), source: "memory"))
        #expect(restored.checkpoint().serialized() == gan.checkpoint().serialized())
    }
}
