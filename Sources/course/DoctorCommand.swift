import ArgumentParser
import Foundation

/// `course doctor [--json]`: the machine as the course sees it, when something is slow or odd.
struct DoctorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doctor",
        abstract: "Show the CPU, the numeric backend and its kernel, the data, the cache, the terminal, the test tools and xdg-open.")

    @OptionGroup var options: RepositoryOptions

    @Flag(help: "Print the findings as JSON, for scripts.")
    var json = false

    func run() throws {
        let status = execute(console: Console(), environment: ProcessInfo.processInfo.environment, isTerminal: isatty(STDOUT_FILENO) == 1)
        if status != 0 { throw ExitCode(status) }
    }

    /// Prints the report; returns 1 when something stops the course from running.
    func execute(console: Console, environment: [String: String], isTerminal: Bool) -> Int32 {
        let report = DoctorReport.gather(repository: try? options.root(), environment: environment, isTerminal: isTerminal)
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            console.out(String(decoding: (try? encoder.encode(report)) ?? Data(), as: UTF8.self))
        } else {
            console.out(Self.text(of: report))
        }
        return report.problems.contains { $0.severity == .error } ? 1 : 0
    }

    static func text(of report: DoctorReport) -> String {
        var lines: [String] = []
        func row(_ name: String, _ value: String) { lines.append(name.padding(toLength: 14, withPad: " ", startingAt: 0) + value) }
        let cpu = report.cpu
        row("cpu", "\(cpu.brand.isEmpty ? cpu.vendor : cpu.brand) (family \(cpu.family), model \(String(format: "0x%X", cpu.model)))")
        row("features", cpu.features.isEmpty ? "none that we use" : cpu.features.joined(separator: " "))
        if let backend = report.backend.loaded {
            row("blas", "\(backend.library) \(backend.version), \(backend.libraryPath)")
            let chosen = backend.kernelChosenBy == "CPU features" ? "chosen from the CPU's \(cpu.widestVectorUnit)" : "set by OPENBLAS_CORETYPE"
            row("kernel", "\(backend.kernel) (\(chosen))")
            row("c kernels", backend.vectorUnit)
            row("threads", "\(backend.threadSplit): training splits each layer's features between \(backend.threadSplit.prefix { $0 != "×" }) parts, one BLAS thread each")
        } else {
            row("blas", "not loaded: \(report.backend.error ?? "")")
        }
        if let identity = report.data.identity {
            row("data", report.data.folder)
            for file in identity.files { row("", "\(file.name) \(file.byteCount) bytes xxh64:\(String(file.fingerprint, radix: 16))") }
        } else {
            row("data", "\(report.data.folder): \(report.data.error ?? "unreadable")")
        }
        if let usage = report.cache.usage {
            row("cache", "\(report.cache.folder): \(usage.entries) entries, \(ByteCountFormatter.string(fromByteCount: usage.bytes, countStyle: .file))")
        } else {
            row("cache", "\(report.cache.folder): none yet")
        }
        let terminal = report.terminal
        row("terminal", terminal.isTerminal ? "TERM=\(terminal.term), colors \(terminal.colors), figures as \(terminal.images)" : "not a terminal (figures as \(terminal.images))")
        for tool in report.tools {
            row(tool.name, tool.path ?? "missing (\(tool.purpose))")
        }
        for problem in report.problems {
            lines.append("\(problem.severity.rawValue): \(problem.message)")
            lines.append("  hint: \(problem.hint)")
        }
        if report.problems.isEmpty { lines.append("no problems found") }
        return lines.joined(separator: "\n")
    }
}
