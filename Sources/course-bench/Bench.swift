import ArgumentParser

@main
struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "course-bench",
        abstract: "Measures the numeric core and the course's models; prints JSON.",
        subcommands: [All.self, Sgemm.self, MLP.self, VAEMode.self, GANMode.self],
        defaultSubcommand: All.self
    )
}

/// Every core measurement in one JSON object.
struct All: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "sgemm and MLP training-step measurements.")

    @OptionGroup var options: MLP.Options

    func run() throws {
        let sgemm = SgemmBenchmark.run()
        let mlp = MLPBenchmark.run(steps: options.steps)
        printJSON(Report(sgemm: sgemm, mlp: mlp))
    }
}

struct Report: Encodable {
    let sgemm: [SgemmBenchmark.Result]
    let mlp: MLPBenchmark.Result
}

struct Sgemm: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "sgemm GFLOP/s at the VAE's layer shapes, through Tensors and raw cblas_sgemm.")

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
    static let configuration = CommandConfiguration(commandName: "gan", abstract: "Train the reference GAN on Fashion-MNIST: seconds per epoch, losses and Fréchet distance.")

    @Option(help: "Training epochs.") var epochs = 1
    @Option(help: "Seed of the random generator.") var seed: UInt64 = 1
    @Option(help: "Write 10,000 generated 28x28 images to this IDX file.") var samples: String?

    func validate() throws {
        guard epochs > 0 else { throw ValidationError("--epochs must be positive") }
    }

    func run() throws { printJSON(try GANBenchmark.run(epochs: epochs, seed: seed, samplesPath: samples)) }
}
