import ArgumentParser
import Foundation
import LessonModel
import LessonParser
import LessonRunner

/// `course check [LESSON…]`: parses and checks lessons without running them; by default the
/// Swift compiler also type-checks the cells against the built library.
struct CheckCommand: ConsoleCommand {
    static let configuration = CommandConfiguration(
        commandName: "check", abstract: "Parse and check lessons without running them, and type-check their cells with swiftc.")

    @OptionGroup var options: RepositoryOptions

    @Argument(help: "The lessons to check (default: all).")
    var lessons: [String] = []

    @Flag(name: .long, help: "Skip the Swift compiler's type-check of the cells.")
    var noSwift = false

    @Option(help: "How to print the diagnostics: 'text', as a compiler does, or 'json', one document on standard output (Schemas/diagnostics.schema.json).")
    var format: DiagnosticFormat = .text

    func validate() throws {
        try LessonsArgument.validate(lessons)
    }

    func execute(console: Console) throws -> Int32 {
        let root = try options.root()
        let swift = noSwift ? nil : SwiftTypeCheck.locate(repository: root)
        if !noSwift && swift == nil {
            console.err("note: the Swift compiler check is skipped: no swiftc or no built modules (run 'swift build' first)")
        }
        let check = LessonCheck(swift: swift)
        var errors = 0
        let entries: [LessonCatalog.Entry]
        do { entries = try options.lessons(lessons) } catch {
            if format == .json { return report(CheckReport(lessons: 0, diagnostics: error.diagnostics), on: console) }
            console.report(error.diagnostics)
            return 1
        }
        var parsing: [Diagnostic] = []
        var parsed: [Lesson] = []
        for entry in entries {
            do {
                let result = try LessonParser(repositoryRoot: root.path).parse(fileAt: entry.path)
                parsing += result.warnings
                parsed.append(result.lesson)
            } catch {
                parsing += error.diagnostics
            }
        }
        let diagnostics = check.diagnostics(of: parsed, parsing: parsing)
        if format == .json { return report(CheckReport(lessons: entries.count, diagnostics: diagnostics), on: console) }
        errors += console.report(diagnostics)
        console.out("checked \(entries.count) lesson\(entries.count == 1 ? "" : "s"): \(errors) error\(errors == 1 ? "" : "s")")
        return errors == 0 ? 0 : 1
    }

    /// Prints `report` as JSON on standard output; returns the exit status, as for text.
    private func report(_ report: CheckReport, on console: Console) -> Int32 {
        console.out(report.json)
        return report.errors == 0 ? 0 : 1
    }
}
