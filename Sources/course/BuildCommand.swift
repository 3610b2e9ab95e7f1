import ArgumentParser
import Foundation
import HTMLSite
import LessonModel
import LessonParser
import LessonRunner

/// `course build [--out site] [--fresh] [--pdf]`: runs every lesson (cache-aware) and writes the
/// site, and with `--pdf` the whole course as one PDF beside its pages.
struct BuildCommand: ConsoleCommand {
    static let configuration = CommandConfiguration(
        commandName: "build", abstract: "Run every lesson (from the cache where it is fresh) and write the static HTML site.")

    @OptionGroup var options: RepositoryOptions
    @OptionGroup var timeLimit: TimeLimitOption

    @Option(name: .long, help: "The folder the site is written to.")
    var out = "site"

    @Flag(name: .long, help: "Rerun every cell instead of using the cache.")
    var fresh = false

    @Flag(name: .long, help: "Also print the whole course to one PDF, course.pdf in the site folder (needs Chromium).")
    var pdf = false

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
            var builder = SiteBuilder(course: catalog.course, repositoryRoot: root)
            builder.includesPrintEdition = pdf
            report = try builder.build(lessons: executed, into: URL(fileURLWithPath: out, relativeTo: nil))
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
        if pdf, !printPDF(of: report, console: console) { return 1 }
        if executed.contains(where: \.hasFailures) {
            console.report(failed.compactMap { if case .failed(let diagnostic) = $0.status { diagnostic } else { nil } })
            return 1
        }
        return 0
    }

    /// Prints the site's print edition to `course.pdf` beside it; false, with the error
    /// reported, when it cannot (the site stays written).
    private func printPDF(of report: SiteReport, console: Console) -> Bool {
        let clock = ContinuousClock(), start = clock.now
        let pdf = report.folder.appendingPathComponent("course.pdf")
        do {
            let bytes = try PDFPrinter.find().print(report.folder.appendingPathComponent(SiteBuilder.printEditionPage), to: pdf)
            console.out(String(format: "printed the course to %@ (%.1f MB) in %.2f s",
                               (out as NSString).appendingPathComponent("course.pdf"), Double(bytes) / 1_000_000, seconds(clock.now - start)))
            return true
        } catch let error as SiteError {
            console.err(error.description)
        } catch {
            console.err("error: cannot print the PDF: \(error)")
        }
        return false
    }

    private func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
    }
}
