import Tensors

/// Every step a cell can call, with the labels, types and defaults of its Swift declaration.
public enum StepCatalog {
    /// All steps, in the order `course steps` lists them.
    public static let steps: [Step] = dataSteps + vaeSteps + vaeAnalysisSteps + ganSteps

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

    /// The library modules whose code computes what the steps return, including the C kernels
    /// (Adam, the losses, exp and log): editing any of them makes the cells that ran on it stale.
    static let mlModules = ["CKernels", "COpenBLAS", "Tensors", "NeuralNetworks", "Datasets", "Outputs", "CourseSteps"]

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
        Step("showImages", parameters: [
            .init(nil, .object(ImageSet.typeName), doc: "the images"),
            .init("count", .int, default: .int(16), range: 1...256, doc: "how many to show"),
        ], result: .void, doc: "Shows the first images of a set with their classes.", modules: mlModules) { a in
            showImages(a[0].object(), count: a[1].int)
            return .void
        },
    ]

    static let seedParameter = Step.Parameter("seed", .int, default: .null, range: 0...Double(Int.max), doc: "the seed; the cell's own seed when omitted")
    static let vaeParameter = Step.Parameter(nil, .object(TrainedVAE.typeName), doc: "the trained VAE or autoencoder")
    static let ganParameter = Step.Parameter(nil, .object(TrainedGAN.typeName), doc: "the trained GAN")

    static let vaeAnalysisSteps: [Step] = [
        Step("trainAutoencoder", parameters: [
            .init("on", .object(CourseData.typeName), doc: "the data to train on"),
            .init("latentSize", .int, default: .int(2), range: 1...512, doc: "the size of a code"),
            .init("epochs", .int, default: .int(5), range: 1...200, doc: "passes over the training images"),
            .init("batchSize", .int, default: .int(128), range: 1...60_000, doc: "images per gradient step"),
            .init("learningRate", .double, default: .double(1e-3), range: 1e-7...1, doc: "Adam's learning rate"),
            seedParameter,
        ], result: .object(TrainedVAE.typeName), doc: "Trains a plain autoencoder: one code per image.", modules: mlModules) { a in
            .object(try trainAutoencoder(on: a[0].object(), latentSize: a[1].int, epochs: a[2].int, batchSize: a[3].int,
                                         learningRate: a[4].double, seed: a[5].optionalInt))
        },
        Step("showCodes", parameters: [
            vaeParameter, .init("of", .object(ImageSet.typeName), doc: "the images to encode"),
            .init("count", .int, default: .int(5000), range: 1...60_000, doc: "how many images"),
        ], result: .void, doc: "Shows the images' codes as a scatter plot colored by class.", modules: mlModules) { a in
            try showCodes(a[0].object(), of: a[1].object(), count: a[2].int)
            return .void
        },
        Step("showMixtureDensity", parameters: [
            vaeParameter, .init("of", .object(ImageSet.typeName), doc: "the images whose normals are mixed"),
            .init("count", .int, default: .int(5000), range: 1...60_000, doc: "how many images"),
            .init("resolution", .int, default: .int(80), range: 8...400, doc: "grid points per axis"),
        ], result: .void, doc: "Shows the code distribution as a mixture of one normal per image.", modules: mlModules) { a in
            try showMixtureDensity(a[0].object(), of: a[1].object(), count: a[2].int, resolution: a[3].int)
            return .void
        },
        Step("showSamples", parameters: [
            vaeParameter, .init("count", .int, default: .int(32), range: 1...256, doc: "how many images"),
        ], result: .void, doc: "Shows images decoded from random codes z ~ N(0, I).", modules: mlModules) { a in
            showSamples(a[0].object(), count: a[1].int)
            return .void
        },
        Step("showManifold", parameters: [
            vaeParameter, .init("size", .int, default: .int(15), range: 2...40, doc: "images per side of the grid"),
        ], result: .void, doc: "Shows images decoded from a grid of 2-D codes.", modules: mlModules) { a in
            try showManifold(a[0].object(), size: a[1].int)
            return .void
        },
        Step("showDraws", parameters: [
            vaeParameter, .init("of", .object(ImageSet.typeName), doc: "the images"),
            .init("index", .int, default: .int(0), range: 0...60_000, doc: "which image"),
            .init("count", .int, default: .int(8), range: 1...32, doc: "how many draws"),
        ], result: .void, doc: "Shows images decoded from codes drawn from one image's distribution.", modules: mlModules) { a in
            try showDraws(a[0].object(), of: a[1].object(), index: a[2].int, count: a[3].int)
            return .void
        },
        Step("showInterpolation", parameters: [
            vaeParameter, .init("of", .object(ImageSet.typeName), doc: "the images"),
            .init("from", .int, default: .int(0), range: 0...60_000, doc: "the index of the first image"),
            .init("to", .int, default: .int(1), range: 0...60_000, doc: "the index of the second image"),
            .init("steps", .int, default: .int(10), range: 2...40, doc: "images between the two"),
        ], result: .void, doc: "Shows the images decoded between two images' codes.", modules: mlModules) { a in
            try showInterpolation(a[0].object(), of: a[1].object(), from: a[2].int, to: a[3].int, steps: a[4].int)
            return .void
        },
        Step("evaluateVAE", parameters: [
            vaeParameter, .init("on", .object(ImageSet.typeName), doc: "the images to evaluate on"),
        ], result: .double, doc: "Shows and returns the loss per image (negative ELBO) and its two terms.", modules: mlModules) { a in
            .double(evaluateVAE(a[0].object(), on: a[1].object()))
        },
    ]

    static let ganSteps: [Step] = [
        Step("trainGAN", parameters: [
            .init("on", .object(CourseData.typeName), doc: "the data to train on"),
            .init("epochs", .int, default: .int(5), range: 1...200, doc: "passes over the training images"),
            .init("generatorLoss", .string, default: .string("non-saturating"), choices: ["non-saturating", "saturating"], doc: "\"non-saturating\" (maximise log D(G(z))) or \"saturating\" (minimise log(1 − D(G(z))))"),
            .init("discriminatorSteps", .int, default: .int(1), range: 1...10, doc: "discriminator steps per generator step (k)"),
            .init("learningRate", .double, default: .double(2e-4), range: 1e-7...1, doc: "Adam's learning rate for both players"),
            .init("batchSize", .int, default: .int(64), range: Double(Parallel.parts)...60_000, doc: "real images per discriminator step"),
            seedParameter,
        ], result: .object(TrainedGAN.typeName), doc: "Trains a GAN and shows its cost, losses, scores and samples.", modules: mlModules) { a in
            .object(try trainGAN(on: a[0].object(), epochs: a[1].int, generatorLoss: a[2].string, discriminatorSteps: a[3].int,
                                 learningRate: a[4].double, batchSize: a[5].int, seed: a[6].optionalInt))
        },
        Step("showGANSamples", parameters: [
            ganParameter, .init("count", .int, default: .int(32), range: 1...256, doc: "how many images"),
        ], result: .void, doc: "Shows images generated from random codes.", modules: mlModules) { a in
            showGANSamples(a[0].object(), count: a[1].int)
            return .void
        },
        Step("showDiscriminatorScores", parameters: [
            ganParameter, .init("on", .object(ImageSet.typeName), doc: "the real images"),
            .init("count", .int, default: .int(1000), range: 1...10_000, doc: "how many real and generated images"),
        ], result: .void, doc: "Shows histograms of D(x) on real and generated images.", modules: mlModules) { a in
            showDiscriminatorScores(a[0].object(), on: a[1].object(), count: a[2].int)
            return .void
        },
        Step("trainClassifier", parameters: [
            .init("on", .object(CourseData.typeName), doc: "the data to train on"),
            .init("epochs", .int, default: .int(3), range: 1...100, doc: "passes over the training images"),
            seedParameter,
        ], result: .object(TrainedClassifier.typeName), doc: "Trains the classifier that judges generated images.", modules: mlModules) { a in
            .object(try trainClassifier(on: a[0].object(), epochs: a[1].int, seed: a[2].optionalInt))
        },
        Step("showGANClasses", parameters: [
            ganParameter, .init("classifier", .object(TrainedClassifier.typeName), doc: "the classifier"),
            .init("count", .int, default: .int(2000), range: 1...20_000, doc: "how many samples"),
        ], result: .void, doc: "Shows the classes of GAN samples, to spot mode collapse.", modules: mlModules) { a in
            showGANClasses(a[0].object(), classifier: a[1].object(), count: a[2].int)
            return .void
        },
        Step("ganFrechetDistance", parameters: [
            ganParameter, .init("classifier", .object(TrainedClassifier.typeName), doc: "the classifier"),
            .init("on", .object(ImageSet.typeName), doc: "the real images"),
            .init("count", .int, default: .int(2000), range: 2...20_000, doc: "how many samples"),
        ], result: .double, doc: "Shows and returns the Fréchet distance of GAN samples to real images.", modules: mlModules) { a in
            .double(ganFrechetDistance(a[0].object(), classifier: a[1].object(), on: a[2].object(), count: a[3].int))
        },
        Step("compareModels", parameters: [
            .init("vae", .object(TrainedVAE.typeName), doc: "the trained VAE"),
            .init("gan", .object(TrainedGAN.typeName), doc: "the trained GAN"),
            .init("classifier", .object(TrainedClassifier.typeName), doc: "the classifier"),
            .init("on", .object(ImageSet.typeName), doc: "the real images"),
            .init("count", .int, default: .int(2000), range: 2...20_000, doc: "samples per model"),
        ], result: .void, doc: "Shows VAE and GAN samples side by side with their Fréchet distances.", modules: mlModules) { a in
            compareModels(vae: a[0].object(), gan: a[1].object(), classifier: a[2].object(), on: a[3].object(), count: a[4].int)
            return .void
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
            .init("reconstruction", .string, default: .string("bce"), choices: ["bce", "mse"], doc: "\"bce\" (binary cross-entropy) or \"mse\" (squared error)"),
            seedParameter,
        ], result: .object(TrainedVAE.typeName), doc: "Trains a VAE and shows its loss per epoch.", modules: mlModules) { a in
            .object(try trainVAE(on: a[0].object(), latentSize: a[1].int, epochs: a[2].int, batchSize: a[3].int,
                                 learningRate: a[4].double, klWeight: a[5].double, reconstruction: a[6].string, seed: a[7].optionalInt))
        },
        Step("showReconstructions", parameters: [
            vaeParameter,
            .init("of", .object(ImageSet.typeName), doc: "the images to reconstruct"),
            .init("count", .int, default: .int(8), range: 1...64, doc: "how many images"),
        ], result: .void, doc: "Shows images above their reconstructions.", modules: mlModules) { a in
            showReconstructions(a[0].object(), of: a[1].object(), count: a[2].int)
            return .void
        },
    ]
}
