// course-bench: measures the numeric core and the course's models against their sgemm bound and the
// PyTorch references, and the stepper's first frame; prints JSON.

import ArgumentParser
import Datasets
import Foundation
import Tensors

@main
struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "course-bench",
        abstract: "Measures the numeric core and the course's models; prints JSON.",
        subcommands: [All.self, Sgemm.self, MLP.self, VAEMode.self, GANMode.self, Compare.self, StepperMode.self, PreviewMode.self],
        defaultSubcommand: All.self
    )
}

/// Every core measurement in one JSON object.
struct All: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "sgemm and MLP training-step measurements.")

    @OptionGroup var options: MLP.Options

    func run() throws {
        let backend = try NumericBackend.require()
        let sgemm = SgemmBenchmark.run()
        let mlp = MLPBenchmark.run(steps: options.steps)
        printJSON(Report(backend: backend, cpu: .current, sgemm: sgemm, mlp: mlp))
    }
}

struct Report: Encodable {
    /// What computed the numbers below: library, kernel, vector unit, thread split.
    let backend: NumericBackend
    let cpu: CPU
    let sgemm: [SgemmBenchmark.Result]
    let mlp: MLPBenchmark.Result
}

struct Sgemm: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "sgemm GFLOP/s at the VAE's layer shapes, through Tensors and raw OpenBLAS sgemm.")

    func run() throws { printJSON(SgemmBenchmark.run()) }
}

struct MLP: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Training-step throughput of a 784-400-20-400-784 MLP with Adam at batch 128.")

    struct Options: ParsableArguments {
        @Option(help: "Training steps to time.") var steps = 400

        func validate() throws {
            guard steps > 0 else { throw ValidationError("--steps must be positive") }
        }
    }

    @OptionGroup var options: Options

    func run() throws { printJSON(MLPBenchmark.run(steps: options.steps)) }
}

struct VAEMode: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "vae", abstract: "Train the reference VAE on Fashion-MNIST: seconds per epoch and test loss.")

    @Option(help: "Training epochs.") var epochs = 1
    @Option(help: "Latent code size.") var latent = 20
    @Option(help: "Seed of the random generator.") var seed: UInt64 = 1

    func validate() throws {
        guard epochs > 0 else { throw ValidationError("--epochs must be positive") }
        guard latent > 0 else { throw ValidationError("--latent must be positive") }
    }

    func run() throws { printJSON(try VAEBenchmark.run(epochs: epochs, latentSize: latent, seed: seed)) }
}

struct GANMode: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gan",
        abstract: "Train the GAN on Fashion-MNIST: seconds per epoch, losses and Fréchet distance.",
        discussion: """
            With --course, train exactly lesson 4's GAN (its cells' data, architecture, epochs, batch, \
            learning rate and seed) and lesson 5's VAE, and report the classes, roughness and Fréchet \
            distance of 10,000 GAN samples, the VAE's distance, and that of PyTorch's reference MLP GAN.
            """
    )

    @Flag(help: "Train lesson 4's GAN as its cells do, and measure it against lesson 5's VAE and PyTorch's reference.") var course = false
    @Option(help: "Training epochs (without --course).") var epochs = 1
    @Option(help: "Seed of the random generator (without --course).") var seed: UInt64 = 1
    @Option(help: "Write 10,000 generated 28x28 images to this IDX file.") var samples: String?
    @Option(help: "The course repository (with --course).") var repository = "."
    @Option(help: "The Python with PyTorch installed (with --course).") var python = "/tmp/torch/bin/python"
    @Option(help: "The folder of torch_gan.py (with --course).") var references = "../shared/reference"
    @Option(help: "Epochs of PyTorch's reference GAN on 60,000 images (with --course).") var referenceEpochs = 4
    @Flag(help: "Skip PyTorch's reference GAN (with --course).") var noReference = false

    func validate() throws {
        guard epochs > 0, referenceEpochs > 0 else { throw ValidationError("epochs must be positive") }
    }

    func run() throws {
        if course {
            printJSON(try CourseGANBenchmark.run(
                repository: repository, samplesPath: samples,
                reference: noReference ? nil : (python: python, folder: references, epochs: referenceEpochs)))
        } else {
            printJSON(try GANBenchmark.run(epochs: epochs, seed: seed, samplesPath: samples))
        }
    }
}

/// The `course` binary a benchmark runs, and the course it runs on.
struct CourseUnderTest: ParsableArguments {
    @Option(help: "The course repository.") var repository = "."
    @Option(help: "The course binary (default: the one beside this benchmark).") var course: String?

    var binary: String {
        course ?? Bundle.main.executableURL?.resolvingSymlinksInPath().deletingLastPathComponent().appendingPathComponent("course").path ?? "course"
    }

    var root: String { URL(fileURLWithPath: repository).standardizedFileURL.path }
}

struct StepperMode: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stepper",
        abstract: "Milliseconds from starting `course step LESSON` on a pseudo-terminal to its first frame; warm the cache first with `course build`."
    )

    @Option(help: "Timed runs per lesson.") var runs = 10
    @OptionGroup var target: CourseUnderTest
    @Argument(help: "Lesson numbers (default: every lesson).") var lessons: [String] = []

    func validate() throws {
        guard runs > 0 else { throw ValidationError("--runs must be positive") }
    }

    func run() throws {
        printJSON(try StepperStartupBenchmark.run(course: target.binary, repository: target.root, lessons: lessons, runs: runs))
    }
}

struct PreviewMode: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "preview",
        abstract: "Seconds from appending a sentence to a lesson to `course preview` serving it (the median of --saves saves), on a copy of the course; warm the cache first with `course build`."
    )

    @Option(help: "The lesson file saved (default: the first in Lessons/).") var lesson: String?
    @Option(help: "Timed saves, each appending a sentence to the copy's lesson.") var saves = 7
    @OptionGroup var target: CourseUnderTest

    func validate() throws {
        guard (1...100).contains(saves) else { throw ValidationError("--saves must be from 1 to 100, not \(saves)") }
    }

    func run() throws {
        printJSON(try PreviewBenchmark.run(course: target.binary, repository: target.root, lesson: lesson, saves: saves))
    }
}

struct Compare: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Train our VAE and GAN and the PyTorch references in turn, round after round; print both side by side."
    )

    @Option(help: "VAE training epochs (ours and the reference's).") var vaeEpochs = 10
    @Option(help: "GAN training epochs (ours and the reference's).") var ganEpochs = 4
    @Option(help: "Rounds of ours then PyTorch's, for each model: the machine's speed drifts, so the ratio is of medians over every round's epochs.") var rounds = 1
    @Option(help: "The Python with PyTorch installed.") var python = "/tmp/torch/bin/python"
    @Option(help: "The folder of torch_vae.py and torch_gan.py.") var references = "../shared/reference"

    func validate() throws {
        guard vaeEpochs > 0, ganEpochs > 0 else { throw ValidationError("epochs must be positive") }
        guard rounds > 0 else { throw ValidationError("--rounds must be positive") }
    }

    struct Report: Encodable {
        struct Round<Ours: EpochTimings>: Encodable {
            let ours: Ours
            let pytorch: [ReferenceComparison.ReferenceEpoch]
            /// Our mean seconds per epoch over PyTorch's, in this round.
            let secondsRatio: Double
            /// The sgemm bound's seconds per epoch over our mean: 1 would be products only.
            let fractionOfSgemmBound: Double

            /// Our result and PyTorch's epochs, compared with each other and with the least
            /// seconds an epoch can take, `bound`.
            init(ours: Ours, pytorch: [ReferenceComparison.ReferenceEpoch], bound: Double) {
                self.ours = ours
                self.pytorch = pytorch
                secondsRatio = rounded(ours.meanSecondsPerEpoch / mean(pytorch.map(\.trainSeconds)))
                fractionOfSgemmBound = rounded(bound / ours.meanSecondsPerEpoch)
            }
        }
        struct Side<Ours: EpochTimings>: Encodable {
            let rounds: [Round<Ours>]
            /// The median of our epochs' seconds over the median of PyTorch's, over every round.
            let secondsRatio: Double
            /// The least seconds an epoch can take: its products at raw sgemm speed (``SgemmBound``).
            let sgemmBoundSecondsPerEpoch: Double
            /// The bound over the median of our epochs' seconds.
            let fractionOfSgemmBound: Double
            /// For the GAN: the Fréchet distance of PyTorch's 10,000 samples after its last
            /// epoch, measured with the classifier that measured ours.
            var pytorchFrechetDistance: Double? = nil
        }
        let backend: NumericBackend
        let vae: Side<VAEBenchmark.Result>
        let gan: Side<GANBenchmark.Result>
    }

    func run() throws {
        let backend = try NumericBackend.require()
        let vaeBound = SgemmBound.vaeEpochSeconds(), ganBound = SgemmBound.ganEpochSeconds()
        /// `rounds` rounds of ours then the reference `script`'s, and how they compare over all of them.
        func side<Ours>(script: String, arguments: [String], bound: Double, ours: () throws -> Ours) throws -> Report.Side<Ours> {
            var results: [Report.Round<Ours>] = []
            for _ in 0..<rounds {
                let ours = try ours()
                let pytorch = try ReferenceComparison.run(python: python, script: references + "/" + script, arguments: arguments)
                results.append(Report.Round(ours: ours, pytorch: pytorch, bound: bound))
            }
            let ourMedian = median(results.flatMap { $0.ours.epochSeconds })
            return .init(rounds: results, secondsRatio: rounded(ourMedian / median(results.flatMap { $0.pytorch.map(\.trainSeconds) })),
                         sgemmBoundSecondsPerEpoch: rounded(bound, 4), fractionOfSgemmBound: rounded(bound / ourMedian))
        }
        let vae = try side(script: "torch_vae.py", arguments: [String(vaeEpochs)], bound: vaeBound) {
            try VAEBenchmark.run(epochs: vaeEpochs, latentSize: 20, seed: 1)
        }
        var random = RandomGenerator(seed: 1)
        let meter = try FrechetMeter(data: MNISTFolder().load(), random: &random)
        let torchSamples = FileManager.default.temporaryDirectory.appendingPathComponent("torch-gan-samples-\(getpid()).idx").path
        defer { try? FileManager.default.removeItem(atPath: torchSamples) }
        var gan = try side(script: "torch_gan.py", arguments: [String(ganEpochs), torchSamples], bound: ganBound) {
            try GANBenchmark.run(epochs: ganEpochs, seed: 1, samplesPath: nil, meter: meter)
        }
        gan.pytorchFrechetDistance = rounded(try meter.distance(ofImagesIn: torchSamples), 5)
        printJSON(Report(backend: backend, vae: vae, gan: gan))
    }
}

/// A model benchmark's result as `compare` sets it beside PyTorch's: the seconds of its epochs.
protocol EpochTimings: Encodable {
    var meanSecondsPerEpoch: Double { get }
    /// Each epoch's training seconds, in order.
    var epochSeconds: [Double] { get }
}

/// One training epoch of a model benchmark, with what it measured.
protocol TrainedEpoch: Encodable {
    var trainSeconds: Double { get }
}

/// What a model benchmark (the VAE's, the GAN's) reports: its epochs, their mean time and the
/// process's peak memory.
struct ModelBenchmarkResult<Epoch: TrainedEpoch>: EpochTimings {
    let model: String
    /// The judging classifier's test accuracy, for a benchmark that measures samples with one.
    let classifierTestAccuracy: Double?
    let epochs: [Epoch]
    let meanSecondsPerEpoch: Double
    let peakResidentMegabytes: Double

    /// The result of `epochs`, with their mean time and the peak memory so far.
    init(model: String, classifierTestAccuracy: Double? = nil, epochs: [Epoch]) {
        self.model = model
        self.classifierTestAccuracy = classifierTestAccuracy
        self.epochs = epochs
        self.meanSecondsPerEpoch = rounded(mean(epochs.map(\.trainSeconds)), 4)
        self.peakResidentMegabytes = course_bench.peakResidentMegabytes()
    }

    var epochSeconds: [Double] { epochs.map(\.trainSeconds) }
}
