import ArgumentParser
import Foundation
import LessonModel
import LessonParser
import LessonRunner
import TerminalStepper

/// `course run LESSON [--cell ID] [--fresh]`: runs a lesson, or one cell and what it needs.
struct RunCommand: ConsoleCommand {
    static let configuration = CommandConfiguration(
        commandName: "run", abstract: "Run a lesson or one cell (and what it needs), print its outputs and write its figures.")

    @OptionGroup var common: LessonRunOptions

    @Option(name: .long, help: "Run only this cell (and the cells it needs).")
    var cell: String?

    @Flag(name: .long, help: "Run the lesson (or the --cell) again even if cached; the cells it needs still come from the cache when up to date.")
    var fresh = false

    @Option(name: .long, help: "The folder figures are written to (default: figures/<lesson-slug>).")
    var out: String?

    func validate() throws {
        if let cell { try CellIDArgument.validate(cell) }
        if let out, out.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("--out needs a folder") }
    }

    /// Runs the command; returns the exit status.
    func execute(console: Console) throws -> Int32 {
        let runner = try common.repository.runner(console: console, timeLimit: common.timeLimit)
        let entry: LessonCatalog.Entry
        do { entry = try common.repository.lessons([common.lesson.name])[0] } catch {
            console.report(error.diagnostics)
            return 1
        }
        // Every problem of the lesson, its parse's and its cells', before anything runs.
        let parsed: Lesson
        do {
            let (checked, warnings) = try common.repository.checkedLesson(path: entry.path, strictness: common.strictness)
            console.reportCounted(warnings)
            parsed = checked
        } catch {
            console.reportCounted(error.diagnostics)
            return 1
        }
        let executed: ExecutedLesson
        do {
            executed = try runner.run(lesson: parsed, cell: cell, fresh: fresh, progress: ProgressPrinter(console: console).callback)
        } catch {
            console.report(error.diagnostics)
            return 1
        }
        // Plain text as `course step --plain` prints it, as wide as the terminal or 80 columns in a pipe.
        var printer = PlainPrinter(width: RawTerminal().size?.columns ?? 80, figureFolder: out ?? "figures/\(executed.lesson.slug)")
        printer.values = executed.valueTexts
        var failures: [Diagnostic] = []
        for executedCell in executed.cells {
            console.out(Self.summary(of: executedCell))
            if cell == nil || executedCell.cellID == cell, let lessonCell = executed.lesson.cells.first(where: { $0.id == executedCell.cellID }) {
                let outputs = printer.outputs(executedCell, of: lessonCell, lessonSlug: executed.lesson.slug)
                if !outputs.isEmpty { console.out(outputs) }
            }
            if case .failed(let diagnostic) = executedCell.status { failures.append(diagnostic) }
        }
        // The values the lesson's text shows (`{swift} name`), as this run computed them.
        let shown = executed.lesson.inlineValues.map(\.expression).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        let computed = shown.compactMap { expression in executed.valueTexts[expression].map { "  {swift} \(expression) = \($0)" } }
        if !computed.isEmpty { console.out("values in the text:\n" + computed.joined(separator: "\n")) }
        if executed.hasFailures {
            console.err("\(failures.count) cell\(failures.count == 1 ? "" : "s") failed:")
            console.report(failures)
            return 1
        }
        return 0
    }

    /// One line per cell: `cell train: ran in 3.21 s`.
    static func summary(of cell: ExecutedCell) -> String {
        let seconds = String(format: "%.2f s", cell.seconds)
        return switch cell.status {
        case .ran: "cell \(cell.cellID): ran in \(seconds)"
        case .cached: "cell \(cell.cellID): cached (ran in \(seconds))"
        case .failed(let diagnostic): "cell \(cell.cellID): failed: \(diagnostic.message)"
        case .skipped(let dependency): "cell \(cell.cellID): skipped, because cell '\(dependency)' failed"
        case .interrupted: "cell \(cell.cellID): interrupted"
        }
    }
}

/// Prints run events: which cell starts, training progress once per epoch, notices.
///
/// On a terminal a live progress bar shows every training step between those lines.
struct ProgressPrinter: Sendable {
    let console: Console
    /// The bar, when standard output is a terminal.
    var bar: LiveProgressBar? = LiveProgressBar.isAvailable ? LiveProgressBar() : nil

    init(console: Console) { self.console = console }

    var callback: @Sendable (RunEvent) -> Void {
        { [console, bar] event in
            let out = console.out, err = console.err
            switch event {
            case .started(let id):
                out("running cell \(id)…")
            case .training(_, let progress) where progress.step == progress.stepsPerEpoch:
                bar?.clear()
                out(ProgressText.epochLine(progress))
            case .training(let id, let progress):
                bar?.draw(id, progress)
            case .notice(let message):
                err("warning: \(message)")
            case .waiting(let holder):
                err(ProgressText.waiting(for: holder))
            case .finished:
                bar?.clear()
            }
        }
    }
}
