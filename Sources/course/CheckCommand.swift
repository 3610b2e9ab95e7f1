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

    @OptionGroup var strictness: WarningsOption

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
        let entries: [LessonCatalog.Entry]
        let catalog: LessonCatalog
        do {
            catalog = try options.catalog()
            entries = try options.lessons(lessons, in: catalog)
        } catch {
            if format == .json { return report(CheckReport(lessons: 0, diagnostics: error.diagnostics), on: console) }
            console.report(error.diagnostics)
            return 1
        }
        // Every lesson's every problem at once: its front matter, Markdown, math, includes and
        // cells, the cells checked even when the rest is broken.
        let parser = LessonParser(repositoryRoot: root.path)
        let misnamed = lessons.isEmpty ? catalog.misnamed : []
        let diagnostics = strictness.apply(LessonCheck.sortedOnce(misnamed + check.diagnostics(of: entries.map { parser.analyze(fileAt: $0.path) })))
        if format == .json { return report(CheckReport(lessons: entries.count, diagnostics: diagnostics), on: console) }
        let errors = console.report(diagnostics)
        let warnings = diagnostics.filter { $0.severity == .warning }.count
        console.out("checked \(entries.count) lesson\(entries.count == 1 ? "" : "s"): " + Console.count(errors: errors, warnings: warnings))
        return errors == 0 ? 0 : 1
    }

    /// Prints `report` as JSON on standard output; returns the exit status, as for text.
    private func report(_ report: CheckReport, on console: Console) -> Int32 {
        console.out(report.json)
        return report.errors == 0 ? 0 : 1
    }
}
