#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import LessonModel
import Synchronization

/// The whole lesson printed in order, every cell run, with no escape codes or prompts: what the
/// stepper does when output is not a terminal, `TERM=dumb` or ``StepperOptions/plain`` is set.
struct PlainRun {
    let lesson: Lesson
    let executor: any CellExecuting
    let options: StepperOptions
    /// The terminal's width when printing to one (`--plain`, `TERM=dumb`); 80 columns for pipes and logs.
    let width: Int

    /// Prints the lesson; returns 1 when a cell failed or was skipped, else 0.
    func run() -> Int32 {
        var printer = PlainPrinter(width: width, figureFolder: options.figureFolder)
        let standardOutput = TerminalOutput(descriptor: STDOUT_FILENO)
        standardOutput.write(printer.header(lesson: lesson, courseTitle: options.courseTitle))
        var failed = false
        for slide in LessonSlide.slides(of: lesson) {
            printer.values = executor.shownValues
            standardOutput.write(printer.prose(slide.prose))
            guard let index = slide.cellIndex else { continue }
            let cell = lesson.cells[index]
            standardOutput.write(printer.cellCode(cell, position: index + 1, of: lesson.cells.count))
            let lastEpoch = Atomic<Int>(0)
            let result = executor.execute(cellAt: index, fresh: false) { report in
                switch report {
                case .waiting(let holder):
                    // On standard error, as `course build` says it, so the printed lesson stays the same.
                    TerminalOutput(descriptor: STDERR_FILENO).write(PlainPrinter.waitingLine(holder: holder))
                case .started, .finished, .notice:
                    break
                case .training(_, let progress):
                    // One line per finished epoch: enough for a log, and the same on every run.
                    guard progress.step == progress.stepsPerEpoch,
                          lastEpoch.exchange(progress.epoch, ordering: .relaxed) != progress.epoch else { return }
                    standardOutput.write(PlainPrinter.epochLine(progress))
                }
            }
            if case .failed = result.status { failed = true }
            if case .skipped = result.status { failed = true }
            printer.values = executor.shownValues
            standardOutput.write(printer.result(result, of: cell, lessonSlug: lesson.slug))
        }
        return failed ? 1 : 0
    }
}
