import Outputs

/// A lesson after the runner: every cell with what it showed, how long it took, and whether
/// it came from the cache. This is all a renderer sees; renderers never execute anything.
public struct ExecutedLesson: Sendable, Equatable {
    /// The parsed lesson.
    public var lesson: Lesson
    /// One entry per cell, in the lesson's order.
    public var cells: [ExecutedCell]
    /// The lesson's inline values as the run computed them, by ``InlineValue/expression``; a
    /// value whose cell did not run (or failed) is missing, and shows a placeholder.
    public var values: [String: ShownValue]

    public init(lesson: Lesson, cells: [ExecutedCell], values: [String: ShownValue] = [:]) {
        self.lesson = lesson
        self.cells = cells
        self.values = values
    }

    /// The inline values' texts, by ``InlineValue/expression``, for the renderers.
    public var valueTexts: [String: String] {
        var texts: [String: String] = [:]
        for value in lesson.inlineValues {
            if let shown = values[value.expression] { texts[value.expression] = shown.text(digits: value.digits) }
        }
        return texts
    }

    /// The executed form of the cell with `id`.
    public func cell(id: String) -> ExecutedCell? { cells.first { $0.cellID == id } }

    /// Whether any cell failed or was not run because one it needs failed.
    public var hasFailures: Bool {
        cells.contains { if case .failed = $0.status { true } else if case .skipped = $0.status { true } else { false } }
    }
}

/// One cell's result.
public struct ExecutedCell: Sendable, Equatable {
    /// How the cell's outputs came to be.
    public enum Status: Sendable, Equatable {
        /// Executed in this run.
        case ran
        /// Restored from the cache; the outputs are those of an earlier run.
        case cached
        /// Executed and failed; nothing of it was cached.
        case failed(Diagnostic)
        /// Not executed because a cell it depends on failed (that cell's id).
        case skipped(dependency: String)
        /// Stopped by the user (Ctrl-C); nothing of it was cached.
        case interrupted
    }

    /// The cell's id in the lesson.
    public var cellID: String
    public var status: Status
    /// What the cell showed, in order.
    public var outputs: [DisplayItem]
    /// The seconds the cell's code ran for (for a cached cell, the run that made the cache).
    public var seconds: Double
    /// The cache key: a hash of everything the outputs depend on.
    public var cacheKey: String

    public init(cellID: String, status: Status, outputs: [DisplayItem], seconds: Double, cacheKey: String) {
        self.cellID = cellID
        self.status = status
        self.outputs = outputs
        self.seconds = seconds
        self.cacheKey = cacheKey
    }
}
