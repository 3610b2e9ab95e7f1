import ArgumentParser
import Foundation
import LessonModel
import LessonRunner
import Synchronization
import TerminalStepper

/// `course step LESSON`: steps through a lesson in the terminal, running cells through the runner.
struct StepCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "step", abstract: "Step through a lesson in the terminal: read, run a cell, see its figures, go back.")

    @OptionGroup var common: LessonRunOptions

    @Flag(name: .long, help: "Print the whole lesson without escape codes or prompts (also when output is not a terminal or TERM=dumb).")
    var plain = false

    @Option(name: .long, help: "How to show images: \(ImageOutput.allCases.map(\.rawValue).joined(separator: ", ")) (default: detected).")
    var images: String?

    @Flag(name: .long, help: "Draw the first screen and quit, to time start-up (as `course-bench stepper` does).")
    var exitAfterFirstFrame = false

    func validate() throws {
        if let images, ImageOutput(rawValue: images) == nil {
            throw ValidationError("unknown image output '\(images)'; use one of \(ImageOutput.allCases.map(\.rawValue).joined(separator: ", "))")
        }
    }

    /// Before the first screen only the lesson is read and its cells checked: nothing runs,
    /// no cache key is computed, and no cache entry is read until the learner runs a cell.
    func run() throws {
        let console = Console()
        let runner = try common.repository.uncheckedRunner(timeLimit: common.timeLimit)
        let path: String
        let course: CourseInfo
        do {
            let catalog = try common.repository.catalog()
            course = catalog.course
            path = try catalog.resolve(common.lesson.name).path
        } catch {
            console.report(error.diagnostics)
            throw ExitCode(1)
        }
        // Every problem of the lesson, its parse's and its cells', before the first screen.
        let parsed: Lesson
        do {
            let (checked, warnings) = try common.repository.checkedLesson(path: path, strictness: common.strictness)
            console.reportCounted(warnings)
            parsed = checked
        } catch {
            console.reportCounted(error.diagnostics)
            throw ExitCode(1)
        }
        var stepperOptions = StepperOptions(courseTitle: course.title, plain: plain, images: images.flatMap(ImageOutput.init(rawValue:)))
        stepperOptions.figureFolder = (try common.repository.root()).appendingPathComponent("figures/\(parsed.slug)").path
        stepperOptions.exitAfterFirstFrame = exitAfterFirstFrame
        if Stepper.usesPlainOutput(options: stepperOptions) {
            if let warning = RepositoryOptions.rebuildWarning(runner) { console.err("warning: " + warning) }
        } else {
            // Hashing the library's sources takes longer than drawing the first screen, and a
            // warning printed now would be hidden behind it; it is shown on the screen instead.
            stepperOptions.afterFirstFrame = { RepositoryOptions.rebuildWarning(runner) }
        }
        let status = Stepper(lesson: parsed, executor: RunnerCellExecutor(runner: runner, lesson: parsed), options: stepperOptions).run()
        if status != 0 { throw ExitCode(status) }
    }
}

/// The runner, one cell at a time, as the stepper drives it: the stepper has no other way to
/// execute anything.
final class RunnerCellExecutor: CellExecuting {
    let runner: Runner
    let lesson: Lesson
    /// The inline values the cells run so far computed: written by the running cell's thread,
    /// read by the stepper's to draw the text.
    private let values = Mutex<[String: String]>([:])

    var shownValues: [String: String] { values.withLock { $0 } }

    init(runner: Runner, lesson: Lesson) {
        self.runner = runner
        self.lesson = lesson
    }

    func execute(cellAt index: Int, fresh: Bool, report: @escaping @Sendable (RunEvent) -> Void) -> ExecutedCell {
        let id = lesson.cells[index].id
        do {
            // The stepper shows a wait for another run of the course, and the progress of the
            // cells this one needs when they have to run first.
            let executed = try runner.run(lesson: lesson, cell: id, fresh: fresh, progress: report)
            values.withLock { $0.merge(executed.valueTexts) { _, new in new } }
            if let cell = executed.cell(id: id) { return cell }
        } catch {
            if let diagnostic = error.diagnostics.first { return failed(id, diagnostic) }
        }
        return failed(id, .error(at: lesson.cells[index].range.start, "the cell produced no result"))
    }

    func interrupt() { runner.stop() }

    func expectedSeconds(cellAt index: Int, fresh: Bool) -> Double? {
        runner.expectedSeconds(of: lesson, cell: lesson.cells[index].id, fresh: fresh)
    }

    private func failed(_ id: String, _ diagnostic: Diagnostic) -> ExecutedCell {
        ExecutedCell(cellID: id, status: .failed(diagnostic), outputs: [], seconds: 0, cacheKey: "")
    }
}
