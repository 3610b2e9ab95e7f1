/// What the stepper is doing, which decides what each key does and what the legend lists.
enum StepperMode: Equatable, Sendable {
    /// A cell waits for another run of the course to finish before it can start.
    case waiting
    /// A cell runs.
    case running
    /// Nothing runs, on a cell's slide; `done` once the cell ran or came from the cache.
    case cell(done: Bool)
    /// Nothing runs, on the slide after the last cell.
    case end

    var isRunning: Bool { self == .waiting || self == .running }
}

/// What a key asks the stepper to do.
enum StepperAction: Equatable, Sendable {
    /// Runs the slide's cell, or moves on once it has run; on the last slide, says it is the end.
    case runOrNext
    case rerunFresh, skip, back, quit
    /// Shows the answers of the slide in full, or folds them again.
    case toggleAnswers
    /// Stops the running cell, or its wait to start.
    case interrupt
    case scroll(ScrollMotion)
}

/// How a key scrolls the slide.
enum ScrollMotion: Equatable, Sendable {
    case lineUp, lineDown, pageUp, pageDown, top, bottom
}

/// Keys that belong together, what each does, and what the legend says about them.
struct KeyBinding: Sendable {
    /// Whether the legend lists keys that work in a mode, and in which words.
    enum Use: Equatable, Sendable {
        case listed(String)
        case unlisted
    }

    /// The keys as the legend names them ("⏎", "n/p"); nil for keys it never lists.
    var name: String?
    /// Each key and what it does.
    var keys: [(key: Key, action: StepperAction)]
    /// What the keys are for in a mode; nil where they do nothing.
    var use: @Sendable (StepperMode) -> Use?
    /// Whether the keys do something only on a slide with answers.
    var needsAnswers: Bool

    init(_ name: String?, _ keys: [(key: Key, action: StepperAction)], needsAnswers: Bool = false,
         use: @escaping @Sendable (StepperMode) -> Use?) {
        self.name = name
        self.keys = keys
        self.needsAnswers = needsAnswers
        self.use = use
    }

    /// What the keys are for in `mode`, on a slide with answers or without; nil where they do nothing.
    func use(in mode: StepperMode, slideHasAnswers: Bool) -> Use? {
        needsAnswers && !slideHasAnswers ? nil : use(mode)
    }
}

/// The stepper's keys: one table that both dispatches a key press and writes the legend at the
/// bottom of the screen, so the legend lists exactly the keys that work.
struct KeyTable: Sendable {
    /// The bindings, in the legend's order; the first binding of a key that works in a mode wins.
    var bindings: [KeyBinding]

    static let stepper = KeyTable(bindings: [
        KeyBinding("Ctrl-C", [(.interrupt, .interrupt)]) { mode in
            switch mode {
            case .waiting: .listed("cancel the wait")
            case .running: .listed("stop the cell")
            case .cell, .end: nil  // quits, through `q`'s binding
            }
        },
        KeyBinding("⏎", [(.enter, .runOrNext), (.space, .runOrNext)]) { mode in
            switch mode {
            case .cell(let done): .listed(done ? "next" : "run")
            case .end: .unlisted
            case .waiting, .running: nil
            }
        },
        KeyBinding("r", [(.character("r"), .rerunFresh)]) { if case .cell = $0 { .listed("rerun fresh") } else { nil } },
        KeyBinding("s", [(.character("s"), .skip)]) { if case .cell = $0 { .listed("skip") } else { nil } },
        KeyBinding("b", [(.character("b"), .back)]) { $0.isRunning ? nil : .listed("back") },
        KeyBinding(String(AnswerDisplay.key), [(.character(AnswerDisplay.key), .toggleAnswers)], needsAnswers: true) { _ in .listed("answers") },
        KeyBinding("n/p", [
            (.character("n"), .scroll(.pageDown)), (.pageDown, .scroll(.pageDown)),
            (.character("p"), .scroll(.pageUp)), (.pageUp, .scroll(.pageUp)),
        ]) { $0.isRunning ? .unlisted : .listed("page") },
        KeyBinding("↑↓", [
            (.up, .scroll(.lineUp)), (.character("k"), .scroll(.lineUp)),
            (.down, .scroll(.lineDown)), (.character("j"), .scroll(.lineDown)),
        ]) { _ in .listed("scroll") },
        KeyBinding(nil, [
            (.home, .scroll(.top)), (.character("g"), .scroll(.top)),
            (.end, .scroll(.bottom)), (.character("G"), .scroll(.bottom)),
        ]) { _ in .unlisted },
        KeyBinding("q", [(.character("q"), .quit), (.interrupt, .quit)]) { .listed($0 == .running ? "stop and quit" : "quit") },
    ])

    /// What `key` does in `mode`, on a slide with answers or without, or nil when it does nothing there.
    func action(for key: Key, in mode: StepperMode, slideHasAnswers: Bool = false) -> StepperAction? {
        for binding in bindings where binding.use(in: mode, slideHasAnswers: slideHasAnswers) != nil {
            if let match = binding.keys.first(where: { $0.key == key }) { return match.action }
        }
        return nil
    }

    /// The legend's entries in `mode`, on a slide with answers or without: each listed binding's
    /// name and what it does.
    func entries(in mode: StepperMode, slideHasAnswers: Bool = false) -> [(keys: String, meaning: String)] {
        bindings.compactMap { binding in
            guard let name = binding.name, case .listed(let meaning) = binding.use(in: mode, slideHasAnswers: slideHasAnswers) else { return nil }
            return (name, meaning)
        }
    }

    /// The legend line for `mode`, on a slide with answers or without, at most `width` columns wide.
    func legend(in mode: StepperMode, slideHasAnswers: Bool = false, width: Int) -> StyledText {
        let keyStyle = TextStyle(bold: true, foreground: ProseLayout.headingColor)
        var text = StyledText()
        for (offset, entry) in entries(in: mode, slideHasAnswers: slideHasAnswers).enumerated() {
            if offset > 0 { text.append("  ") }
            text.append(entry.keys, style: keyStyle)
            text.append(" " + entry.meaning, style: TextStyle(dim: true))
        }
        return text.truncated(toWidth: width)
    }
}
