/// Every step a cell can call, with the labels, types and defaults of its Swift declaration.
public enum StepCatalog {
    /// All steps, in the order `course steps` lists them.
    public static let steps: [Step] = dataSteps + vaeSteps

    /// The step a cell names: a function by name, or a method or property of a receiver type.
    public static func step(named name: String, receiver: String? = nil) -> Step? {
        steps.first { step in
            guard step.name == name else { return false }
            switch step.kind {
            case .function: return receiver == nil
            case .method(let type), .property(let type): return receiver == type
            }
        }
    }

    static let mlModules = ["Tensors", "NeuralNetworks", "Datasets", "Figures", "CourseSteps"]

    static let dataSteps: [Step] = [
        Step("fashionMNIST", parameters: [
            .init("trainingLimit", .int, default: .int(60_000), range: 1...60_000, doc: "how many training images to keep"),
        ], result: .object(CourseData.typeName), doc: "Loads Fashion-MNIST: training and test images with their labels.", modules: mlModules) { arguments in
            .object(try fashionMNIST(trainingLimit: arguments[0].int))
        },
        Step("train", kind: .property(receiver: CourseData.typeName), result: .object(ImageSet.typeName),
             doc: "The training images.", modules: mlModules) { arguments in
            .object(arguments[0].object(CourseData.self).train)
        },
        Step("test", kind: .property(receiver: CourseData.typeName), result: .object(ImageSet.typeName),
             doc: "The 10,000 test images.", modules: mlModules) { arguments in
            .object(arguments[0].object(CourseData.self).test)
        },
    ]

    static let vaeSteps: [Step] = [
        Step("trainVAE", parameters: [
            .init("on", .object(CourseData.typeName), doc: "the data to train on"),
            .init("latentSize", .int, default: .int(20), range: 1...512, doc: "the size of a code"),
            .init("epochs", .int, default: .int(5), range: 1...200, doc: "passes over the training images"),
            .init("batchSize", .int, default: .int(128), range: 1...60_000, doc: "images per gradient step"),
            .init("learningRate", .double, default: .double(1e-3), range: 1e-7...1, doc: "Adam's learning rate"),
            .init("klWeight", .double, default: .double(1), range: 0...1000, doc: "the weight β of the KL term"),
            .init("reconstruction", .string, default: .string("bce"), doc: "\"bce\" (binary cross-entropy) or \"mse\" (squared error)"),
            .init("seed", .int, default: .null, range: 0...Double(Int.max), doc: "the seed; the cell's own seed when omitted"),
        ], result: .object(TrainedVAE.typeName), doc: "Trains a VAE and shows its loss per epoch.", modules: mlModules) { a in
            .object(try trainVAE(on: a[0].object(), latentSize: a[1].int, epochs: a[2].int, batchSize: a[3].int,
                                 learningRate: a[4].double, klWeight: a[5].double, reconstruction: a[6].string, seed: a[7].optionalInt))
        },
        Step("showReconstructions", parameters: [
            .init(nil, .object(TrainedVAE.typeName), doc: "the trained VAE"),
            .init("of", .object(ImageSet.typeName), doc: "the images to reconstruct"),
            .init("count", .int, default: .int(8), range: 1...64, doc: "how many images"),
        ], result: .void, doc: "Shows images above their reconstructions.", modules: mlModules) { a in
            showReconstructions(a[0].object(), of: a[1].object(), count: a[2].int)
            return .void
        },
    ]
}
