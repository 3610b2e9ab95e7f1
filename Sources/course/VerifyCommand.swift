import ArgumentParser
import Foundation
import LessonModel
import LessonParser
import LessonRunner

/// `course verify [LESSON…]`: reruns lessons from scratch and compares every output with the cache.
struct VerifyCommand: ConsoleCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify", abstract: "Rerun lessons from scratch and compare every figure and metric with the cached outputs.")

    @OptionGroup var options: RepositoryOptions
    @OptionGroup var timeLimit: TimeLimitOption

    @Argument(help: "The lessons to verify (default: all).")
    var lessons: [String] = []

    func validate() throws {
        try LessonsArgument.validate(lessons)
    }

    func execute(console: Console) throws -> Int32 {
        let runner = try options.runner(console: console, timeLimit: timeLimit)
        let verifier = Verifier(runner: runner)
        var passed = true
        let entries: [LessonCatalog.Entry]
        do { entries = try options.lessons(lessons) } catch {
            console.report(error.diagnostics)
            return 1
        }
        for entry in entries {
            let report: Verifier.Report
            do {
                report = try verifier.verify(try options.parse(path: entry.path), progress: ProgressPrinter(console: console).callback)
            } catch let error as DiagnosticError {
                console.report(error.diagnostics)
                passed = false
                continue
            }
            console.out(entry.path)
            for older in report.olderResults {
                console.out("  \(older.cellID): compared with its last cached result, from before: \(older.changes.joined(separator: "; "))")
            }
            for item in report.items {
                console.out("  \(item.cellID) #\(item.index) \(item.kind): \(Self.describe(item.verdict))")
            }
            console.report(report.problems)
            passed = passed && report.passed
        }
        console.out(passed ? "verified: every output reproduced" : "verify failed: some outputs differ or could not be compared")
        return passed ? 0 : 1
    }

    static func describe(_ verdict: Verifier.Verdict) -> String {
        switch verdict {
        case .identical:
            "identical"
        case .withinTolerance(let difference, let tolerance):
            "within tolerance \(OutputDifference.format(tolerance)): \(difference)"
        case .different(let difference, let tolerance):
            difference.size.isFinite ? "different (tolerance \(OutputDifference.format(tolerance))): \(difference)" : "different: \(difference)"
        }
    }
}
