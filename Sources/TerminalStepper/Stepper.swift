#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import LessonModel

/// Steps through a lesson in the terminal: the prose up to a cell, the cell's code, keys to
/// run it (from the cache when fresh), rerun it fresh, skip it or go back, a live progress bar
/// while it trains, and its outputs and figures underneath; exercises' answers stay folded
/// until the learner presses the answers key (``AnswerDisplay/key``).
///
/// The stepper is the controller: it reads keys, looks up what they do in ``KeyTable``, and
/// redraws. Where the learner is lives in ``SlideView``, the terminal in ``StepperScreen``, the
/// drawing in ``FrameRenderer`` and ``StatusLine``, and a running cell in ``CellRun``.
///
/// When output is not a terminal, `TERM=dumb` or ``StepperOptions/plain`` is set, the whole
/// lesson runs and prints sequentially through ``PlainRun`` instead, with no escape codes.
public final class Stepper {
    private let lesson: Lesson
    private let executor: any CellExecuting
    private let options: StepperOptions
    private let keys = KeyTable.stepper

    private let screen = StepperScreen()
    private var view: SlideView
    private var renderer = FrameRenderer()
    private var running: CellRun?
    private var message: StyledText?
    private var quitting = false

    public init(lesson: Lesson, executor: some CellExecuting, options: StepperOptions = StepperOptions()) {
        self.lesson = lesson
        self.executor = executor
        self.options = options
        self.view = SlideView(lesson: lesson)
    }

    /// Whether the stepper would print plainly: `--plain`, `TERM=dumb`, or input or output
    /// not a terminal.
    public static func usesPlainOutput(options: StepperOptions) -> Bool {
        options.plain || !TerminalCapabilities.ofStandardOutput(environment: options.environment, input: true).usesEscapes
    }

    /// Runs the stepper until the learner quits (or, in plain output, until every cell ran);
    /// returns the process exit status: 0, or 1 when a cell failed in plain output or the
    /// terminal could not be used.
    public func run() -> Int32 {
        if Self.usesPlainOutput(options: options) {
            return PlainRun(lesson: lesson, executor: executor, options: options, width: screen.terminal.size?.columns ?? 80).run()
        }
        do {
            try runInteractive()
            return 0
        } catch {
            screen.close()
            TerminalOutput(descriptor: STDERR_FILENO).write("error: the terminal stepper stopped: \(error)\n")
            return 1
        }
    }

    private func runInteractive() throws(TerminalError) {
        try screen.open(options: options)
        defer { screen.close() }
        drawFrame()
        if options.exitAfterFirstFrame { return }
        if let warning = options.afterFirstFrame?() {
            message = StyledText("⚠ " + warning, style: TextStyle(bold: true, foreground: .yellow))
            drawFooter()
        }
        let reader = KeyReader(descriptor: screen.terminal.input)
        while !(quitting && running == nil) {
            let input: TerminalInput?
            do {
                input = try reader.next(timeoutMilliseconds: running == nil ? nil : 100)
            } catch {
                // Input closed: stop any running cell and leave.
                perform(.quit)
                if running == nil { break }
                input = nil
                var pause = timespec(tv_sec: 0, tv_nsec: 50_000_000)
                nanosleep(&pause, nil)
            }
            switch input {
            case .key(let key): handle(key)
            case .resize:
                let before = layout().lines.count
                screen.measure()
                view.keepPlace(linesBefore: before, after: layout().lines.count)
                drawFrame()
            case nil: break
            }
            if let running {
                if let result = running.result {
                    finish(running, with: result)
                } else if view.wasLaidOut(otherThan: activity) {
                    drawFrame()  // the wait for the cache began or ended
                } else {
                    drawFooter()
                }
            }
        }
    }

    // MARK: Keys

    /// What the stepper is doing now, for the key table.
    private var mode: StepperMode {
        if let running { return running.waitingFor == nil ? .running : .waiting }
        return view.slide.cellIndex == nil ? .end : .cell(done: view.isSlidesCellDone)
    }

    private func handle(_ key: Key) {
        let wasIdle = running == nil
        if wasIdle { message = nil }
        if let action = keys.action(for: key, in: mode, slideHasAnswers: view.slide.hasAnswers) { perform(action) }
        if wasIdle, running == nil, !quitting { drawFrame() }
    }

    private func perform(_ action: StepperAction) {
        switch action {
        case .runOrNext:
            guard let index = view.slide.cellIndex else {
                message = StyledText("This is the end of the lesson: b goes back, q quits.")
                return
            }
            if view.isSlidesCellDone { view.move(to: view.index + 1) } else { start(index, fresh: false) }
        case .rerunFresh:
            if let index = view.slide.cellIndex { start(index, fresh: true) }
        case .skip:
            if let index = view.slide.cellIndex {
                message = StyledText("Skipped cell \(lesson.cells[index].id).")
                view.move(to: view.index + 1)
            }
        case .back:
            if view.index > 0 { view.move(to: view.index - 1) }
        case .quit:
            quitting = true
            if running != nil { perform(.interrupt) }
        case .interrupt:
            guard let running, !running.isStopping else { return }
            running.markStopping()
            executor.interrupt()
            drawFooter()
        case .toggleAnswers:
            if view.toggleAnswers(), running != nil { drawFrame() }
        case .scroll(let motion):
            let before = view.scroll
            view.scroll(motion, lineCount: layout().lines.count, geometry: screen.geometry)
            if view.scroll != before, running != nil { drawFrame() }
        }
    }

    // MARK: Running cells

    private func start(_ index: Int, fresh: Bool) {
        view.results[index] = nil
        message = nil
        running = CellRun(index: index, fresh: fresh, executor: executor)
        drawFrame()
    }

    private func finish(_ run: CellRun, with result: ExecutedCell) {
        running = nil
        if quitting { return }
        if result.status == .interrupted, let holder = run.waitingFor {
            // Nothing ran, so the cell stays as it was before ⏎: ready to run.
            message = StyledText("Stopped waiting for \(holder): the cell did not run.")
            drawFrame()
            return
        }
        view.results[run.index] = result
        view.reveal(resultOf: layout(), bodyRows: screen.geometry.bodyRows)
        message = StyledText(result.status == .interrupted ? "Stopped. ⏎ runs the cell again." : "")
        drawFrame()
    }

    /// Whether the cell of the slide on screen is running or waiting to run.
    private var activity: SlideLayout.Activity? {
        guard let running, running.index == view.slide.cellIndex else { return nil }
        return running.waitingFor == nil ? .running : .waiting
    }

    // MARK: Drawing

    private func layout() -> SlideView.Layout {
        let answers = view.answers
        return view.layout(activity: activity, geometry: screen.geometry) {
            screen.slideLayout(figureFolder: options.figureFolder, values: executor.shownValues, answers: answers)
        }
    }

    /// Redraws everything: header, the visible lines of the slide, status and legend.
    private func drawFrame() {
        let lines = layout().lines
        view.clampScroll(lineCount: lines.count, bodyRows: screen.geometry.bodyRows)
        let header = FrameRenderer.header(courseTitle: options.courseTitle, lesson: lesson, cellIndex: view.slide.cellIndex,
                                          columns: screen.geometry.size.columns)
        screen.output.write(renderer.frame(header: header, lines: lines, scroll: view.scroll, footer: footer(), on: screen))
    }

    /// Redraws only the status rows and legend, for progress updates.
    private func drawFooter() {
        screen.output.write(footer())
    }

    private func footer() -> String {
        let geometry = screen.geometry
        let status = running.map { StatusLine.progress(of: $0, in: lesson, width: geometry.size.columns - 1) }
            ?? [message ?? StyledText(),
                StatusLine.scrollPosition(scroll: view.scroll, lineCount: layout().lines.count, bodyRows: geometry.bodyRows)]
        return StatusLine.rows(status, legend: keys.legend(in: mode, slideHasAnswers: view.slide.hasAnswers, width: geometry.size.columns - 1),
                               geometry: geometry, capabilities: screen.capabilities)
    }
}
