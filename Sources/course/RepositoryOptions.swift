import ArgumentParser
import Foundation
import LessonModel
import LessonParser
import LessonRunner
import Tensors

/// The `--repository` option every subcommand shares, and what it opens.
struct RepositoryOptions: ParsableArguments {
    @Option(name: .long, help: "The course repository (default: the nearest folder above the current one with a 'Lessons' folder).")
    var repository: String?

    /// The repository root.
    func root() throws -> URL {
        if let repository {
            return URL(fileURLWithPath: repository).standardizedFileURL
        }
        var folder = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).standardizedFileURL
        while true {
            if FileManager.default.fileExists(atPath: folder.appendingPathComponent(LessonCatalog.folder).path) { return folder }
            let parent = folder.deletingLastPathComponent()
            if parent.path == folder.path { break }
            folder = parent
        }
        throw ValidationError("no '\(LessonCatalog.folder)' folder here or above; run inside the course repository or pass --repository")
    }

    /// A runner over the repository's cache, with the course-wide cell time limit `timeLimit`;
    /// warns when the library sources changed since this binary was built, since its results
    /// would be those of the old code.
    func runner(console: Console, timeLimit: TimeLimitOption? = nil) throws -> Runner {
        _ = try NumericBackend.require()
        let runner = try uncheckedRunner(timeLimit: timeLimit)
        if let warning = Self.rebuildWarning(runner) { console.err("warning: " + warning) }
        return runner
    }

    /// A runner over the repository's cache, without ``rebuildWarning(_:)``'s check, which
    /// hashes the library's sources.
    func uncheckedRunner(timeLimit: TimeLimitOption? = nil) throws -> Runner {
        let root = try root()
        return Runner(repository: root, cache: try CacheStore(repository: root), timeLimit: timeLimit?.timeout)
    }

    /// What to say when the library sources changed since this binary was built, or nil.
    static func rebuildWarning(_ runner: Runner) -> String? {
        let changed = runner.modulesChangedSinceBuild()
        guard !changed.isEmpty else { return nil }
        return changed.map { "Sources/\($0)" }.joined(separator: ", ")
            + " changed since this course binary was built; rebuild it ('swift build') to run the current code"
    }

    /// The lesson at `path` (relative to the repository or absolute), parsed: the runner and
    /// the renderers take parsed lessons.
    func parse(path: String) throws(DiagnosticError) -> Lesson {
        try LessonParser(repositoryRoot: try locatedRoot().path).parse(fileAt: path).lesson
    }

    /// Every diagnostic of the lesson at `path`, its parse's and its cells' (checked even when
    /// the parse found errors), sorted by location, each once; `publishing` as `course build`
    /// parses, where a draft's warnings become errors.
    func diagnostics(path: String, publishing: Bool = false) throws(DiagnosticError) -> (lesson: Lesson?, diagnostics: [Diagnostic]) {
        let analyzed = LessonParser(repositoryRoot: try locatedRoot().path, publishing: publishing).analyze(fileAt: path)
        return (analyzed.lesson, LessonCheck(swift: nil).diagnostics(of: [analyzed]))
    }

    /// The lesson at `path`, parsed and its cells checked, with its warnings; throws every
    /// diagnostic of both when one is an error (a warning too, with `--warnings-as-errors`).
    func checkedLesson(path: String, publishing: Bool = false, strictness: WarningsOption = WarningsOption()) throws(DiagnosticError) -> (lesson: Lesson, warnings: [Diagnostic]) {
        let (lesson, found) = try diagnostics(path: path, publishing: publishing)
        let diagnostics = strictness.apply(found)
        guard let lesson, !diagnostics.contains(where: { $0.severity == .error }) else { throw DiagnosticError(diagnostics) }
        return (lesson, diagnostics)
    }

    /// ``root()``, its failure said as a diagnostic, for the commands that report diagnostics.
    private func locatedRoot() throws(DiagnosticError) -> URL {
        do { return try root() } catch { throw DiagnosticError(.error(at: SourceLocation(file: ".", line: 0, column: 0), "\(error)")) }
    }

    /// The repository's lessons and what its `course.yml` says about the course.
    func catalog() throws(DiagnosticError) -> LessonCatalog {
        try LessonCatalog(repositoryRoot: try locatedRoot().path)
    }

    /// The lessons named by `arguments` (paths, slugs or numbers), or every lesson when empty.
    func lessons(_ arguments: [String]) throws(DiagnosticError) -> [LessonCatalog.Entry] {
        try lessons(arguments, in: try catalog())
    }

    /// The lessons of `catalog` named by `arguments`, or every lesson when empty.
    func lessons(_ arguments: [String], in catalog: LessonCatalog) throws(DiagnosticError) -> [LessonCatalog.Entry] {
        if arguments.isEmpty { return catalog.entries }
        var entries: [LessonCatalog.Entry] = []
        var diagnostics: [Diagnostic] = []
        for argument in arguments {
            do { entries.append(try catalog.resolve(argument)) } catch { diagnostics += error.diagnostics }
        }
        if !diagnostics.isEmpty { throw DiagnosticError(diagnostics) }
        return entries
    }
}

/// Where a command writes: standard output and standard error, or a test's buffers.
struct Console: Sendable {
    var out: @Sendable (String) -> Void = { print($0) }
    var err: @Sendable (String) -> Void = { FileHandle.standardError.write(Data(($0 + "\n").utf8)) }

    /// Prints diagnostics to standard error; returns how many are errors.
    @discardableResult
    func report(_ diagnostics: [Diagnostic]) -> Int {
        for diagnostic in diagnostics { err(diagnostic.description) }
        return diagnostics.filter { $0.severity == .error }.count
    }

    /// Prints a lesson's diagnostics to standard error, sorted by location and each once, then
    /// how many errors and warnings there were, as a compiler does (`2 errors, 1 warning`);
    /// prints nothing when there are none. Returns how many are errors.
    @discardableResult
    func reportCounted(_ diagnostics: [Diagnostic]) -> Int {
        let sorted = LessonCheck.sortedOnce(diagnostics)
        guard !sorted.isEmpty else { return 0 }
        let errors = report(sorted)
        err(Self.count(errors: errors, warnings: sorted.filter { $0.severity == .warning }.count))
        return errors
    }

    /// `2 errors, 1 warning`; `1 error` when there are no warnings.
    static func count(errors: Int, warnings: Int) -> String {
        let counted = "\(errors) error\(errors == 1 ? "" : "s")"
        return warnings == 0 ? counted : counted + ", \(warnings) warning\(warnings == 1 ? "" : "s")"
    }
}

/// `--warnings-as-errors`: for CI, where a warning should fail the build as well.
struct WarningsOption: ParsableArguments {
    @Flag(name: .long, help: "Treat every warning as an error (for CI).")
    var warningsAsErrors = false

    /// `diagnostics`, their warnings made errors when asked.
    func apply(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        guard warningsAsErrors else { return diagnostics }
        return diagnostics.map { diagnostic in
            var diagnostic = diagnostic
            if diagnostic.severity == .warning { diagnostic.severity = .error }
            return diagnostic
        }
    }
}

/// Cell ids as the lesson format allows them, checked before anything runs.
enum CellIDArgument {
    static func validate(_ id: String) throws {
        guard !id.isEmpty, id.utf8.allSatisfy({ ($0 >= 97 && $0 <= 122) || ($0 >= 48 && $0 <= 57) || $0 == 45 }) else {
            throw ValidationError("cell id '\(id)' may contain only lowercase letters, digits and '-'")
        }
    }
}
