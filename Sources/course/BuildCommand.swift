import ArgumentParser
import Foundation
import HTMLSite
import LessonModel
import LessonParser
import LessonRunner

/// `course build [--out site] [--fresh]`: runs every lesson (cache-aware) and writes the site.
struct BuildCommand: ConsoleCommand {
    static let configuration = CommandConfiguration(
        commandName: "build", abstract: "Run every lesson (from the cache where it is fresh) and write the static HTML site.")

    @OptionGroup var options: RepositoryOptions
    @OptionGroup var timeLimit: TimeLimitOption

    @Option(name: .long, help: "The folder the site is written to.")
    var out = "site"

    @Flag(name: .long, help: "Rerun every cell instead of using the cache.")
    var fresh = false

    @OptionGroup var strictness: WarningsOption

    func validate() throws {
        guard !out.trimmingCharacters(in: .whitespaces).isEmpty else { throw ValidationError("--out needs a folder") }
    }

    /// Runs the command; returns the exit status.
    func execute(console: Console) throws -> Int32 {
        let clock = ContinuousClock(), start = clock.now
        let root = try options.root()
        let runner = try options.runner(console: console, timeLimit: timeLimit)
        var executed: [ExecutedLesson] = []
        var diagnostics: [Diagnostic] = [], warnings: [Diagnostic] = []
        let catalog: LessonCatalog
        do { catalog = try options.catalog() } catch {
            console.report(error.diagnostics)
            return 1
        }
        diagnostics += catalog.misnamed
        for entry in catalog.entries {
            let lessonStart = clock.now
            do {
                // Published, a lesson may not leave out what a draft may (a summary).
                let (lesson, found) = try options.checkedLesson(path: entry.path, publishing: true, strictness: strictness)
                warnings += found
                console.out("lesson \(lesson.number): \(lesson.frontMatter.title)")
                let result = try runner.run(lesson: lesson, fresh: fresh, progress: ProgressPrinter(console: console).callback)
                for cell in result.cells { console.out("  " + RunCommand.summary(of: cell)) }
                console.out(String(format: "  %.2f s", seconds(clock.now - lessonStart)))
                executed.append(result)
            } catch {
                diagnostics += error.diagnostics
            }
        }
        guard diagnostics.isEmpty else {
            console.reportCounted(diagnostics + warnings)
            console.err("error: the site was not written; the previous one is untouched")
            return 1
        }
        console.reportCounted(warnings)
        let report: SiteReport
        do {
            report = try SiteBuilder(course: catalog.course, repositoryRoot: root).build(lessons: executed, into: URL(fileURLWithPath: out, relativeTo: nil))
        } catch let error as DiagnosticError {
            console.report(error.diagnostics)
            return 1
        } catch let error as SiteError {
            console.err(error.description)
            return 1
        }
        let cells = executed.flatMap(\.cells)
        let ran = cells.filter { $0.status == .ran }.count, cached = cells.filter { $0.status == .cached }.count
        let failed = cells.filter { if case .failed = $0.status { true } else { false } }
        console.out(String(format: "built %d pages and %d figures into %@ in %.2f s: %d cells ran, %d cached, %d failed",
                           report.pages.count, report.figures.count, out, seconds(clock.now - start), ran, cached, failed.count))
        if executed.contains(where: \.hasFailures) {
            console.report(failed.compactMap { if case .failed(let diagnostic) = $0.status { diagnostic } else { nil } })
            return 1
        }
        return 0
    }

    private func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
    }
}
