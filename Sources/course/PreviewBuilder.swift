import Foundation
import HTMLSite
import LessonModel
import LessonParser
import LessonRunner

/// What `course preview` rebuilds after a save: every lesson is parsed and checked again (it
/// takes milliseconds), and a lesson whose parsed form changed runs again through the runner,
/// whose cache reruns only its stale cells; the site is then rendered in memory.
///
/// A lesson with a problem (an error in the file, a failing cell) keeps its last good render,
/// shown below the problem; before it has one, its page shows what there is: the run with the
/// failed cells, or only the problem.
struct PreviewBuilder {
    let repository: RepositoryOptions
    let runner: Runner
    let console: Console
    let root: URL

    /// What a rebuild made: the site's files and the problems to show above the pages.
    struct Result {
        var files: [String: [UInt8]]
        var pages: [PreviewPages.Page]
        /// Problems of the whole course (`course.yml`, misnamed lessons), shown on every page.
        var courseProblems: [Diagnostic]
    }

    /// The lessons as last run, by path, and the last run without a failure.
    private var lastRun: [String: ExecutedLesson] = [:]
    private var lastGood: [String: ExecutedLesson] = [:]
    private var lastCourse = CourseInfo(title: "", subtitle: "")
    private var lastEntries: [LessonCatalog.Entry] = []
    /// The diagnostics last printed for each lesson, so a rebuild prints only what changed.
    private var printed: [String: [Diagnostic]] = [:]

    init(repository: RepositoryOptions, runner: Runner, console: Console) throws {
        self.repository = repository
        self.runner = runner
        self.console = console
        self.root = try repository.root()
        lastCourse.title = root.lastPathComponent
    }

    /// Parses every lesson, runs those that changed (only their stale cells run) and renders
    /// the site; `shouldStop` is asked between lessons.
    mutating func rebuild(shouldStop: () -> Bool) -> Result {
        var courseProblems: [Diagnostic] = []
        do {
            let catalog = try repository.catalog()
            lastCourse = catalog.course
            lastEntries = catalog.entries
            courseProblems = catalog.misnamed
        } catch {
            // A broken course.yml: the lessons it listed last time are shown as they were.
            courseProblems = error.diagnostics
        }
        report(courseProblems, for: "course.yml")
        var problems: [String: [Diagnostic]] = [:]
        for entry in lastEntries where !shouldStop() {
            let path = entry.path
            let (parsed, found): (Lesson?, [Diagnostic])
            do { (parsed, found) = try repository.diagnostics(path: path) } catch { (parsed, found) = (nil, error.diagnostics) }
            let errors = found.filter { $0.severity == .error }
            report(found, for: path)
            guard let lesson = parsed, errors.isEmpty else {
                problems[path] = errors
                continue
            }
            if lastRun[path]?.lesson != lesson || lastRun[path]?.hasFailures == true {
                console.out("lesson \(lesson.number): \(lesson.frontMatter.title)")
                do {
                    let executed = try runner.run(lesson: lesson, progress: ProgressPrinter(console: console).callback)
                    for cell in executed.cells where cell.status != .cached { console.out("  " + RunCommand.summary(of: cell)) }
                    lastRun[path] = executed
                    if !executed.hasFailures && !executed.cells.contains(where: { $0.status == .interrupted }) { lastGood[path] = executed }
                } catch {
                    problems[path] = error.diagnostics
                    continue
                }
            }
            if let run = lastRun[path], run.hasFailures {
                problems[path] = run.cells.compactMap { if case .failed(let diagnostic) = $0.status { diagnostic } else { nil } }
            }
        }
        return render(problems: problems, courseProblems: courseProblems)
    }

    /// The site of the lessons' last good runs (or last runs), with the pages of lessons that
    /// have neither left for ``PreviewPages`` to fill with their problems.
    private func render(problems: [String: [Diagnostic]], courseProblems: [Diagnostic]) -> Result {
        var problems = problems
        var shown = lastEntries.compactMap { lastGood[$0.path] ?? lastRun[$0.path] }
        let builder = SiteBuilder(course: lastCourse, repositoryRoot: root)
        var files: [String: [UInt8]] = [:]
        // A page that cannot render (an image that is not there) is left out, with its problem.
        for _ in 0..<3 {
            do {
                files = try builder.renderedFiles(lessons: shown)
                break
            } catch let error as DiagnosticError {
                let diagnostics = error.diagnostics
                for diagnostic in diagnostics { problems[diagnostic.location.file, default: []].append(diagnostic) }
                let failing = Set(diagnostics.map(\.location.file))
                shown.removeAll { failing.contains($0.lesson.path) }
                if failing.isEmpty { shown = [] }
            } catch {
                break
            }
        }
        let pages = lastEntries.map { entry in
            PreviewPages.Page(path: PreviewPages.pagePath(ofLesson: entry.path), lesson: entry.path,
                              title: lastGood[entry.path]?.lesson.frontMatter.title ?? entry.slug,
                              problems: problems[entry.path] ?? [], hasGoodRender: lastGood[entry.path] != nil)
        }
        return Result(files: files, pages: pages, courseProblems: courseProblems)
    }

    /// Prints a file's diagnostics when they differ from those printed for it last.
    private mutating func report(_ diagnostics: [Diagnostic], for path: String) {
        guard printed[path, default: []] != diagnostics else { return }
        printed[path] = diagnostics
        if diagnostics.isEmpty {
            console.out("\(path): no problems now")
        } else {
            console.reportCounted(diagnostics)
        }
    }
}
