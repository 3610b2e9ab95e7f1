import CourseSteps
import Datasets
import Foundation
import NeuralNetworks
import Tensors

/// Lesson 4's GAN, trained exactly as its cells train it, measured against the issue's
/// targets: which classes our classifier sees in 10,000 samples, how rough the samples are
/// beside real images, and the Fréchet distance of the GAN's samples, of lesson 5's VAE's and
/// of PyTorch's reference MLP GAN, all with one meter.
enum CourseGANBenchmark {
    struct Report: Encodable {
        let backend: NumericBackend
        /// The arguments of lesson 4's `fashionMNIST` and `trainGAN` calls, defaults included.
        let ganData: [String: String], ganTraining: [String: String]
        /// The arguments of lesson 5's `fashionMNIST` and `trainVAE` calls.
        let vaeData: [String: String], vaeTraining: [String: String]
        let ganTrainSeconds: Double
        let classifierTestAccuracy: Double
        /// The share of the GAN's samples our classifier puts in each class.
        let classShares: [String: Double]
        /// Classes with at least 1% of the samples, and the largest share.
        let coveredClasses: Int, largestShare: Double
        /// Mean absolute difference of neighbouring pixels over mean brightness.
        let roughness: Double, realRoughness: Double, roughnessRatio: Double
        let ganFrechetDistance: Double, vaeFrechetDistance: Double
        /// PyTorch's reference MLP GAN after `pytorchEpochs` epochs on 60,000 images; nil with `--no-reference`.
        let pytorchFrechetDistance: Double?, pytorchEpochs: Int?
        let targets: [String: Bool]
    }

    static let sampleCount = 10_000

    static func run(repository: String, samplesPath: String?, reference: (python: String, folder: String, epochs: Int)?) throws -> Report {
        let backend = try NumericBackend.require()
        var ganLesson = try LessonStepCall(lessonAt: repository + "/Lessons/04-gans.md")
        let ganData = try ganLesson.run("fashionMNIST").arguments
        let clock = ContinuousClock(), start = clock.now
        let (ganValue, ganTraining) = try ganLesson.run("trainGAN")
        let elapsed = (clock.now - start).components
        let ganSeconds = Double(elapsed.seconds) + Double(elapsed.attoseconds) * 1e-18
        let trained = ganValue.object(TrainedGAN.self)
        var vaeLesson = try LessonStepCall(lessonAt: repository + "/Lessons/05-training-gans.md")
        let vaeData = try vaeLesson.run("fashionMNIST").arguments
        let (vaeValue, vaeTraining) = try vaeLesson.run("trainVAE")
        for (name, arguments) in [("trainGAN", ganTraining), ("trainVAE", vaeTraining)] where arguments["seed"] == "nil" {
            throw BenchError("the lesson's \(name) call gives no seed", hint: "the benchmark reproduces a cell only with an explicit seed:")
        }
        let trainedVAE = vaeValue.object(TrainedVAE.self)

        var ganRandom = trained.random, vaeRandom = trainedVAE.random
        let samples = trained.gan.sample(count: sampleCount, random: &ganRandom)  // [10000, 784] in [0, 1]
        let vaeSamples = trainedVAE.vae.generate(count: sampleCount, generator: &vaeRandom)
        if let samplesPath {
            let bytes = samples.array.map { UInt8(($0 * 255).rounded().clamped(to: 0...255)) }
            try IDXFile(dimensions: [sampleCount, 28, 28], payload: bytes).write(to: samplesPath, compressed: false)
        }

        let data = try MNISTFolder().load()
        var meterRandom = RandomGenerator(seed: 1)
        let meter = try FrechetMeter(data: data, random: &meterRandom)
        let classNames = data.test.classNames
        var counts = [Int](repeating: 0, count: classNames.count)
        for label in meter.classify(samples) { counts[label] += 1 }
        let shares = counts.map { Double($0) / Double(sampleCount) }
        let roughness = Roughness.of(samples), realRoughness = Roughness.of(data.test.imageTensor())
        let ganDistance = meter.distance(of: samples), vaeDistance = meter.distance(of: vaeSamples)

        var pytorchDistance: Double?
        if let reference {
            let torchSamples = FileManager.default.temporaryDirectory.appendingPathComponent("torch-gan-samples-\(getpid()).idx").path
            defer { try? FileManager.default.removeItem(atPath: torchSamples) }
            _ = try ReferenceComparison.run(python: reference.python, script: reference.folder + "/torch_gan.py",
                                            arguments: [String(reference.epochs), torchSamples])
            pytorchDistance = rounded(try meter.distance(ofImagesIn: torchSamples), 5)
        }
        let covered = shares.filter { $0 >= 0.01 }.count, largest = shares.max() ?? 0
        return Report(
            backend: backend, ganData: ganData, ganTraining: ganTraining, vaeData: vaeData, vaeTraining: vaeTraining,
            ganTrainSeconds: rounded(ganSeconds, 4), classifierTestAccuracy: rounded(meter.classifierTestAccuracy, 4),
            classShares: Dictionary(uniqueKeysWithValues: zip(classNames, shares.map { rounded($0, 4) })),
            coveredClasses: covered, largestShare: rounded(largest, 4),
            roughness: rounded(roughness, 4), realRoughness: rounded(realRoughness, 4), roughnessRatio: rounded(roughness / realRoughness, 4),
            ganFrechetDistance: rounded(ganDistance, 5), vaeFrechetDistance: rounded(vaeDistance, 5),
            pytorchFrechetDistance: pytorchDistance, pytorchEpochs: reference?.epochs,
            targets: [
                "at least 9 classes with 1% or more": covered >= 9,
                "no class above 20%": largest <= 0.2,
                "roughness at most 1.25x real images": roughness <= 1.25 * realRoughness,
                "GAN's Fréchet distance below the VAE's": ganDistance < vaeDistance,
            ])
    }
}

/// How speckled images are: the mean absolute difference of horizontally and vertically
/// neighbouring pixels, over the mean brightness (so a dim image is not called smooth).
enum Roughness {
    /// The roughness of 28x28 images, [count, 784] with pixels in [0, 1].
    static func of(_ images: Tensor, side: Int = 28) -> Double {
        var differences = 0.0, pairs = 0, brightness = 0.0
        for image in 0..<images.rows {
            let base = image * side * side
            for row in 0..<side {
                for column in 0..<side {
                    let value = Double(images[base + row * side + column])
                    brightness += value
                    if column + 1 < side { differences += abs(value - Double(images[base + row * side + column + 1])); pairs += 1 }
                    if row + 1 < side { differences += abs(value - Double(images[base + (row + 1) * side + column])); pairs += 1 }
                }
            }
        }
        return (differences / Double(pairs)) / (brightness / Double(images.count))
    }
}
