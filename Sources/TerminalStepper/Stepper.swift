#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import LessonModel
import Synchronization

/// Steps through a lesson in the terminal: the prose up to a cell, the cell's code, keys to
/// run it (from the cache when fresh), rerun it fresh, skip it or go back, a live progress bar
/// while it trains, and its outputs and figures underneath.
///
/// When output is not a terminal, `TERM=dumb` or ``StepperOptions/plain`` is set, the whole
/// lesson runs and prints sequentially through ``PlainPrinter`` instead, with no escape codes.
public final class Stepper {
    private let lesson: Lesson
    private let executor: any CellExecuting
    private let options: StepperOptions
    private let slides: [LessonSlide]

    private var terminal: RawTerminal
    private var output: TerminalOutput
    private var capabilities = TerminalCapabilities.plain
    private var images = ImageOutput.none
    private var size = TerminalSize(columns: 80, rows: 24)
    private var cellPixels = CellPixels.typical

    private var slideIndex = 0
    private var scroll = 0
    private var results: [ExecutedCell?]
    private var running: CellRun?
    private var message: StyledText?
    private var quitting = false
    private var layoutCache: (key: LayoutKey, lines: [ScreenLine], resultStart: Int?)?
    private var lastFrameHadImages = false

    private struct LayoutKey: Equatable {
        var slide: Int
        var width: Int
        var bodyRows: Int
        var result: ExecutedCell?
        var activity: SlideLayout.Activity?
    }

    /// Rows above and below the lesson: the header, then two status rows and the key legend.
    private static let headerRows = 1, footerRows = 3

    public init(lesson: Lesson, executor: some CellExecuting, options: StepperOptions = StepperOptions()) {
        self.lesson = lesson
        self.executor = executor
        self.options = options
        self.slides = LessonSlide.slides(of: lesson)
        self.results = Array(repeating: nil, count: lesson.cells.count)
        self.terminal = RawTerminal(input: STDIN_FILENO, output: STDOUT_FILENO)
        self.output = TerminalOutput(descriptor: STDOUT_FILENO)
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
        if Self.usesPlainOutput(options: options) { return runPlain() }
        do {
            try runInteractive()
            return 0
        } catch {
            restoreTerminal()
            TerminalOutput(descriptor: STDERR_FILENO).write("error: the terminal stepper stopped: \(error)\n")
            return 1
        }
    }

    // MARK: Plain output

    private func runPlain() -> Int32 {
        // The terminal's width when printing to one (`--plain`, `TERM=dumb`); 80 columns for pipes and logs.
        let printer = PlainPrinter(width: terminal.size?.columns ?? 80, figureFolder: options.figureFolder)
        let standardOutput = TerminalOutput(descriptor: STDOUT_FILENO)
        standardOutput.write(printer.header(lesson: lesson, courseTitle: options.courseTitle))
        var failed = false
        for slide in slides {
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
            standardOutput.write(printer.result(result, of: cell, lessonSlug: lesson.slug))
        }
        return failed ? 1 : 0
    }

    // MARK: Interactive

    private func runInteractive() throws(TerminalError) {
        capabilities = TerminalCapabilities.detect(environment: options.environment, isTerminal: true)
        images = options.images ?? ImageOutput.detect(environment: options.environment, capabilities: capabilities)
        RawTerminal.restoreOnTermination()
        RawTerminal.watchResize()
        try terminal.enterRawMode()
        defer { restoreTerminal() }
        output.write(TerminalOutput.enterAlternateScreen)
        measure()
        drawFrame()
        if options.exitAfterFirstFrame { return }
        if let warning = options.afterFirstFrame?() {
            message = StyledText("⚠ " + warning, style: TextStyle(bold: true, foreground: .yellow))
            drawFooter()
        }
        let reader = KeyReader(descriptor: terminal.input)
        while !(quitting && running == nil) {
            let input: TerminalInput?
            do {
                input = try reader.next(timeoutMilliseconds: running == nil ? nil : 100)
            } catch {
                // Input closed: stop any running cell and leave.
                requestQuit()
                if running == nil { break }
                input = nil
                sleepBriefly()
            }
            switch input {
            case .key(let key): handle(key)
            case .resize:
                // Keep the same part of the slide in view: lines re-wrap, so keep the fraction.
                let before = Double(scroll) / Double(max(1, currentLayout().lines.count))
                measure()
                scroll = Int((before * Double(currentLayout().lines.count)).rounded())
                drawFrame()
            case nil: break
            }
            if let running {
                if let result = running.result {
                    finish(running, with: result)
                } else if let drawn = layoutCache?.key, drawn.slide == slideIndex, drawn.activity != activityOfTheSlidesCell() {
                    drawFrame()  // the wait for the cache began or ended
                } else {
                    drawFooter()
                }
            }
        }
    }

    private func restoreTerminal() {
        guard terminal.isRaw else { return }
        if images == .kitty { output.write(TerminalOutput.deleteKittyImages) }
        output.write(TerminalOutput.leaveAlternateScreen)
        terminal.restore()
    }

    private func sleepBriefly() {
        var pause = timespec(tv_sec: 0, tv_nsec: 50_000_000)
        nanosleep(&pause, nil)
    }

    private func measure() {
        size = terminal.size ?? size
        cellPixels = CellPixels.measure(descriptor: terminal.output)
    }

    // MARK: Keys

    private func handle(_ key: Key) {
        if running != nil {
            switch key {
            case .interrupt: interruptRun()
            case .character("q"): requestQuit()
            default: scrollKey(key)
            }
            return
        }
        message = nil
        switch key {
        case .enter, .space:
            guard let index = slides[slideIndex].cellIndex else {
                message = StyledText("This is the end of the lesson: b goes back, q quits.")
                break
            }
            if let result = results[index], result.status == .ran || result.status == .cached {
                move(to: slideIndex + 1)
            } else {
                start(index, fresh: false)
            }
        case .character("r"):
            if let index = slides[slideIndex].cellIndex { start(index, fresh: true) }
        case .character("s"):
            if let index = slides[slideIndex].cellIndex, slideIndex + 1 < slides.count {
                message = StyledText("Skipped cell \(lesson.cells[index].id).")
                move(to: slideIndex + 1)
            }
        case .character("b"):
            if slideIndex > 0 { move(to: slideIndex - 1) }
        case .character("q"), .interrupt:
            requestQuit()
        default:
            scrollKey(key)
        }
        if running == nil, !quitting { drawFrame() }
    }

    private func scrollKey(_ key: Key) {
        let page = max(1, bodyRows - 2)
        let before = scroll
        switch key {
        case .up, .character("k"): scroll -= 1
        case .down, .character("j"): scroll += 1
        case .character("n"), .pageDown: scroll += page
        case .character("p"), .pageUp: scroll -= page
        case .home, .character("g"): scroll = 0
        case .end, .character("G"): scroll = Int.max / 2
        default: return
        }
        clampScroll()
        if scroll != before, running != nil { drawFrame() }
    }

    private func move(to slide: Int) {
        slideIndex = min(max(slide, 0), slides.count - 1)
        scroll = 0
    }

    private func requestQuit() {
        quitting = true
        if running != nil { interruptRun() }
    }

    // MARK: Running cells

    private func start(_ index: Int, fresh: Bool) {
        results[index] = nil
        message = nil
        running = CellRun(index: index, fresh: fresh, executor: executor)
        drawFrame()
    }

    private func interruptRun() {
        guard let running, !running.isStopping else { return }
        running.markStopping()
        executor.interrupt()
        drawFooter()
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
        results[run.index] = result
        // Show the result: scroll so the code's last lines stay in view above it.
        let layout = currentLayout()
        if let start = layout.resultStart {
            let maxScroll = max(0, layout.lines.count - bodyRows)
            if start + 1 > scroll + bodyRows || layout.lines.count > scroll + bodyRows {
                scroll = min(maxScroll, max(scroll, start - 3))
            }
        }
        message = StyledText(result.status == .interrupted ? "Stopped. ⏎ runs the cell again." : "")
        drawFrame()
    }

    // MARK: Layout and drawing

    private var bodyRows: Int { max(1, size.rows - Self.headerRows - Self.footerRows) }
    private var margin: Int { size.columns >= 60 ? 2 : 0 }
    private var contentWidth: Int { max(10, size.columns - 2 * margin) }

    private func currentLayout() -> (lines: [ScreenLine], resultStart: Int?) {
        let slide = slides[slideIndex]
        let result = slide.cellIndex.flatMap { results[$0] }
        let activity = activityOfTheSlidesCell()
        let key = LayoutKey(slide: slideIndex, width: contentWidth, bodyRows: bodyRows, result: result, activity: activity)
        if let cached = layoutCache, cached.key == key { return (cached.lines, cached.resultStart) }
        let layout = SlideLayout(
            prose: ProseLayout(capabilities: capabilities),
            outputs: OutputLayout(capabilities: capabilities, images: images, cellPixels: cellPixels,
                                  figureFiles: FigureFiles(folder: options.figureFolder), maxFigureRows: max(8, bodyRows - 2))
        ).lines(slide: slide, lesson: lesson, result: result, activity: activity, width: contentWidth)
        layoutCache = (key, layout.lines, layout.resultStart)
        return layout
    }

    /// Whether the cell of the slide on screen is running or waiting to run.
    private func activityOfTheSlidesCell() -> SlideLayout.Activity? {
        guard let running, running.index == slides[slideIndex].cellIndex else { return nil }
        return running.waitingFor == nil ? .running : .waiting
    }

    private func clampScroll() {
        let count = currentLayout().lines.count
        scroll = min(max(scroll, 0), max(0, count - bodyRows))
    }

    /// Redraws everything: header, the visible lines of the slide, status and legend.
    private func drawFrame() {
        clampScroll()
        let lines = currentLayout().lines
        let visible = scroll..<min(lines.count, scroll + bodyRows)
        let hasImages = visible.contains { if case .image = lines[$0] { true } else { false } }
        var frame = ""
        if hasImages || lastFrameHadImages {
            if images == .kitty { frame += TerminalOutput.deleteKittyImages }
            frame += TerminalOutput.clearScreen
        }
        lastFrameHadImages = hasImages
        frame += TerminalOutput.moveTo(row: 1) + header().rendered(for: capabilities) + TerminalOutput.clearToEndOfLine
        let indent = String(repeating: " ", count: margin)
        var deferredImages: [(row: Int, sequence: String)] = []
        for offset in 0..<bodyRows {
            let row = Self.headerRows + 1 + offset
            frame += TerminalOutput.moveTo(row: row)
            let index = scroll + offset
            guard index < lines.count else {
                frame += TerminalOutput.clearToEndOfLine
                continue
            }
            switch lines[index] {
            case .text(let text):
                frame += indent + text.rendered(for: capabilities)
            case .raw(let text):
                frame += indent + text
            case .image(let placement):
                if offset + placement.rows <= bodyRows {
                    deferredImages.append((row, placement.sequence))
                } else {
                    frame += indent + placement.placeholder.rendered(for: capabilities)
                }
            case .imageRow:
                break
            }
            frame += TerminalOutput.clearToEndOfLine
        }
        // Images last, so the text drawn after them cannot overwrite their cells.
        for (row, sequence) in deferredImages {
            frame += TerminalOutput.moveTo(row: row) + indent + sequence
        }
        frame += footer()
        output.write(frame)
    }

    /// Redraws only the status rows and legend, for progress updates.
    private func drawFooter() {
        output.write(footer())
    }

    private func header() -> StyledText {
        let style = TextStyle(bold: true, foreground: .black, background: .rgb(0x7F, 0xD1, 0xB9))
        var left = " "
        if !options.courseTitle.isEmpty { left += options.courseTitle + " › " }
        left += "\(lesson.number). \(lesson.frontMatter.title)"
        let cellCount = lesson.cells.count
        let right = slides[slideIndex].cellIndex.map { "cell \($0 + 1) of \(cellCount) " }
            ?? "end · \(cellCount) cell\(cellCount == 1 ? "" : "s") "
        let room = size.columns - TextWidth.of(right)
        var line = StyledText(left, style: style).truncated(toWidth: max(0, room - 1))
        line.append(String(repeating: " ", count: max(0, size.columns - line.width - TextWidth.of(right))), style: style)
        line.append(right, style: style)
        return line.truncated(toWidth: size.columns)
    }

    private func footer() -> String {
        let firstRow = size.rows - Self.footerRows + 1
        var status: [StyledText]
        if let run = running {
            let report = run.progress
            status = ProgressDisplay(
                cellID: lesson.cells[run.index].id, trainingCellID: report?.cellID, waitingFor: run.waitingFor, progress: report?.progress,
                elapsedSeconds: run.elapsedSeconds, expectedSeconds: run.expectedSeconds, stopping: run.isStopping
            ).lines(width: size.columns - 1)
        } else {
            status = [message ?? StyledText(), scrollPosition()]
        }
        status = status.map { $0.truncated(toWidth: size.columns - 1) }
        var text = ""
        for (offset, line) in (status + [legend()]).enumerated() {
            text += TerminalOutput.moveTo(row: firstRow + offset) + " " + line.rendered(for: capabilities) + TerminalOutput.clearToEndOfLine
        }
        return text
    }

    private func scrollPosition() -> StyledText {
        let count = currentLayout().lines.count
        guard count > bodyRows else { return StyledText() }
        let last = min(count, scroll + bodyRows)
        let more = last < count ? " · ↓ more below" : ""
        return StyledText("lines \(scroll + 1)–\(last) of \(count)\(more)", style: TextStyle(dim: true))
    }

    /// The keys that do something now.
    private func legend() -> StyledText {
        let keyStyle = TextStyle(bold: true, foreground: ProseLayout.headingColor)
        let entries: [(String, String)]
        if running?.waitingFor != nil {
            entries = [("Ctrl-C", "cancel the wait"), ("↑↓", "scroll"), ("q", "quit")]
        } else if running != nil {
            entries = [("Ctrl-C", "stop the cell"), ("↑↓", "scroll"), ("q", "stop and quit")]
        } else if let index = slides[slideIndex].cellIndex {
            let done = results[index].map { $0.status == .ran || $0.status == .cached } ?? false
            entries = [("⏎", done ? "next" : "run"), ("r", "rerun fresh"), ("s", "skip"), ("b", "back"),
                       ("n/p", "page"), ("↑↓", "scroll"), ("q", "quit")]
        } else {
            entries = [("b", "back"), ("n/p", "page"), ("↑↓", "scroll"), ("q", "quit")]
        }
        var text = StyledText()
        for (offset, entry) in entries.enumerated() {
            if offset > 0 { text.append("  ") }
            text.append(entry.0, style: keyStyle)
            text.append(" " + entry.1, style: TextStyle(dim: true))
        }
        return text.truncated(toWidth: size.columns - 1)
    }
}
