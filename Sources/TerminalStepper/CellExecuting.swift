import LessonModel

/// What the stepper drives to run cells: the lesson runner, or a fake in tests.
///
/// The stepper calls ``execute(cellAt:fresh:report:)`` on a background thread, so it can keep
/// reading keys and redrawing on the main thread, and calls ``interrupt()`` from the main thread
/// while a cell runs. At most one cell runs at a time.
public protocol CellExecuting: AnyObject {
    /// Runs the cell at `index` (its 0-based position in `Lesson.cells`), or restores it from
    /// the cache when its entry is fresh and `fresh` is false, reporting as it goes what it
    /// waits for and which cell trains how far (this one, or a cell it needs that has to run
    /// first); returns its result.
    func execute(cellAt index: Int, fresh: Bool, report: @escaping @Sendable (RunEvent) -> Void) -> ExecutedCell

    /// Asks the running cell to stop (Ctrl-C), or to stop waiting to start; the running
    /// ``execute(cellAt:fresh:report:)`` then returns status `.interrupted` and caches nothing.
    func interrupt()

    /// How long running the cell at `index` should take, judging by the last runs of the cells
    /// it will execute, for an ETA; nil when unknown. Asked on the main thread when it starts.
    func expectedSeconds(cellAt index: Int, fresh: Bool) -> Double?

    /// The texts of the lesson's inline values (`` `{swift} name` ``) that the cells run so
    /// far computed, by expression; the others show a placeholder until their cell runs.
    var shownValues: [String: String] { get }
}

extension CellExecuting {
    /// No values: an executor that runs no real cells (a test's) shows placeholders.
    public var shownValues: [String: String] { [:] }
}
