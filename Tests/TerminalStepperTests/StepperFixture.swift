import Foundation
import Testing

/// The `course-stepper-fixture` program (built with the package) and its lesson.
enum StepperFixture {
    static let lesson = golden.fixtures.appendingPathComponent("stepper/03-latent-codes.md").path

    /// The fixture program next to the test bundle in the build folder.
    static func binary(sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        try builtProgram("course-stepper-fixture", sourceLocation: sourceLocation)
    }

    /// The executable `name` of this package, built next to the test bundle.
    static func builtProgram(_ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let bundle = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var folder = bundle.deletingLastPathComponent()
        // The test runner may be inside an .xctest bundle folder; walk up to the build folder.
        for _ in 0..<4 {
            let candidate = folder.appendingPathComponent(name).path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        let fallback = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent(".build/debug/\(name)").path
        return try #require(FileManager.default.isExecutableFile(atPath: fallback) ? fallback : nil,
                            "\(name) was not built; run `swift build --product \(name)`",
                            sourceLocation: sourceLocation)
    }

    /// A shell command running the fixture on the lesson; see ``inTerminal(_:environment:)``.
    static func command(_ arguments: String = "", figureFolder: String, environment: [String: String] = [:]) throws -> String {
        inTerminal("'\(try binary())' '\(lesson)' --figure-folder '\(figureFolder)' \(arguments)", environment: environment)
    }

    /// A shell command running `invocation`, then reporting its exit status and the terminal
    /// settings it left behind, and staying open so the screen can be read.
    ///
    /// The environment is fixed (a 256-color terminal, no `NO_COLOR`) so the test runner's own
    /// environment cannot change what is drawn; `environment` adds to it.
    static func inTerminal(_ invocation: String, environment: [String: String] = [:]) -> String {
        let settings = (["TERM": "tmux-256color"].merging(environment) { $1 }).sorted { $0.key < $1.key }
            .map { "'\($0.key)=\($0.value)'" }.joined(separator: " ")
        return "env -u NO_COLOR -u COLORTERM \(settings) \(invocation); "
            + "echo STEPPER-EXIT=$?; stty -a | tr '\\n' ' '; echo; read -r line"
    }

    /// Runs the fixture with output to a pipe and returns what it printed.
    static func runPiped(_ arguments: [String], environment: [String: String] = [:]) throws -> (output: String, status: Int32) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try binary())
        process.arguments = [lesson] + arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let output = Pipe()
        process.standardOutput = output
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (String(decoding: data, as: UTF8.self), process.terminationStatus)
    }

    static func temporaryFolder() -> String {
        let path = (NSTemporaryDirectory() as NSString).appendingPathComponent("stepper-test-\(UUID().uuidString.prefix(8))")
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }
}
