import ArgumentParser

@main
struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "course-bench",
        abstract: "Measures the numeric core and the course's models; prints JSON.",
        subcommands: [All.self, Sgemm.self, MLP.self],
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
