import Foundation
import LessonModel

/// Type-checks a lesson's cells with the Swift compiler (`swiftc -typecheck`) against the built
/// library modules, and maps the compiler's errors back to the lesson file.
public struct SwiftTypeCheck: Sendable {
    /// The folder of built `.swiftmodule`s (`.build/debug/Modules`).
    public let modulesFolder: URL
    /// The `module.modulemap` files of the repository's C system-library targets.
    public let moduleMaps: [URL]
    /// The compiler.
    public let compiler: URL

    /// Creates a checker from explicit locations.
    public init(modulesFolder: URL, moduleMaps: [URL], compiler: URL) {
        self.modulesFolder = modulesFolder
        self.moduleMaps = moduleMaps
        self.compiler = compiler
    }

    /// Finds the compiler (`$SWIFTC`, else `swiftc` on the `PATH`) and the built modules: the
    /// `Modules` folder beside the running executable (the `course` binary or the test bundle),
    /// else the repository's `.build/debug` or `.build/release`. Nil when either is missing.
    public static func locate(repository: URL) -> SwiftTypeCheck? {
        let environment = ProcessInfo.processInfo.environment
        let compiler = environment["SWIFTC"].map(URL.init(fileURLWithPath:)) ?? (environment["PATH"] ?? "/usr/bin")
            .split(separator: ":").map { URL(fileURLWithPath: String($0)).appendingPathComponent("swiftc") }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
        guard let compiler else { return nil }
        var candidates: [URL] = []
        if let executable = Bundle.main.executableURL?.resolvingSymlinksInPath() {
            var folder = executable.deletingLastPathComponent()
            for _ in 0..<4 {
                candidates.append(folder.appendingPathComponent("Modules"))
                folder = folder.deletingLastPathComponent()
            }
        }
        candidates += ["debug", "release"].map { repository.appendingPathComponent(".build/\($0)/Modules") }
        guard let modules = candidates.first(where: {
            FileManager.default.fileExists(atPath: $0.appendingPathComponent("CourseSteps.swiftmodule").path)
        }) else { return nil }
        // The C targets' module maps live in the package that was built: the repository, or
        // (when the lessons are elsewhere) the package above the build folder.
        var packages = [repository]
        var folder = modules.resolvingSymlinksInPath()
        while folder.pathComponents.count > 1 {
            folder = folder.deletingLastPathComponent()
            if FileManager.default.fileExists(atPath: folder.appendingPathComponent("Package.swift").path) {
                packages.append(folder)
                break
            }
        }
        var maps: [URL] = []
        for package in packages where maps.isEmpty {
            let sources = package.appendingPathComponent("Sources")
            maps = ((try? FileManager.default.contentsOfDirectory(atPath: sources.path)) ?? []).sorted()
                .flatMap { module in
                    // System-library shims keep theirs beside the sources; C targets in include/.
                    ["module.modulemap", "include/module.modulemap"].map { sources.appendingPathComponent(module).appendingPathComponent($0) }
                }
                .filter { FileManager.default.fileExists(atPath: $0.path) }
        }
        return SwiftTypeCheck(modulesFolder: modules, moduleMaps: maps, compiler: compiler)
    }

    /// The compiler's errors for `lesson`'s cells, located in the lesson file; empty when the
    /// cells compile.
    public func check(_ lesson: Lesson) throws -> [Diagnostic] {
        try check([lesson])[lesson.path] ?? []
    }

    /// The compiler's errors for the cells of several lessons, from one compiler run, by lesson path.
    public func check(_ lessons: [Lesson]) throws -> [String: [Diagnostic]] {
        let program = SwiftCellProgram(lessons: lessons)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("course-typecheck-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let source = folder.appendingPathComponent("LessonCells.swift")
        try Data(program.text.utf8).write(to: source)

        let process = Process()
        process.executableURL = compiler
        process.arguments = ["-typecheck", source.path, "-I", modulesFolder.path, "-diagnostic-style=llvm",
                             "-module-cache-path", folder.appendingPathComponent("ModuleCache").path]
            + moduleMaps.flatMap { ["-Xcc", "-fmodule-map-file=\($0.path)"] }
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        var result: [String: [Diagnostic]] = [:]
        for lesson in lessons {
            result[lesson.path] = Self.errors(in: text, lessonPath: lesson.path, program: program)
        }
        if process.terminationStatus != 0 && result.values.allSatisfy(\.isEmpty) {
            throw SwiftTypeCheckFailure(output: text.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        return result
    }

    /// The `error:` lines the compiler reported in the lesson file.
    static func errors(in output: String, lessonPath: String, program: SwiftCellProgram) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let prefix = lessonPath + ":"
        for line in output.split(separator: "\n") where line.hasPrefix(prefix) {
            let rest = line.dropFirst(prefix.count)
            let parts = rest.split(separator: ":", maxSplits: 3, omittingEmptySubsequences: false)
            guard parts.count == 4, let lineNumber = Int(parts[0]), let column = Int(parts[1]),
                  parts[2].trimmingCharacters(in: .whitespaces) == "error" else { continue }
            let message = parts[3].trimmingCharacters(in: .whitespaces)
            diagnostics.append(.error(
                at: SourceLocation(file: lessonPath, line: lineNumber, column: program.fileColumn(file: lessonPath, line: lineNumber, reportedColumn: column)),
                message, hint: "reported by the Swift compiler"))
        }
        return diagnostics
    }
}

/// The compiler failed without reporting an error in a lesson (a missing module, a bad flag).
public struct SwiftTypeCheckFailure: Error, CustomStringConvertible {
    /// What the compiler printed.
    public var output: String
    public var description: String { "the Swift compiler failed:\n\(output)" }
}
