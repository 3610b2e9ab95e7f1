import CourseSteps
import LessonModel

/// A lesson whose cells passed the checker: each cell resolved against the step catalog, with
/// the cells it depends on.
public struct CheckedLesson: Sendable {
    /// The lesson as parsed.
    public let lesson: Lesson
    /// The cells, in the lesson's order.
    public let cells: [CheckedCell]

    /// The cell with `id`.
    public func cell(id: String) -> CheckedCell? { cells.first { $0.cell.id == id } }

    /// The ids of the cells `id` needs, directly or through others, in lesson order (without `id`).
    public func upstream(of id: String) -> [String] {
        var needed: Set<String> = []
        var pending = cell(id: id)?.dependencies ?? []
        while let next = pending.popLast() {
            if needed.insert(next).inserted { pending += cell(id: next)?.dependencies ?? [] }
        }
        return cells.map(\.cell.id).filter(needed.contains)
    }
}

/// One checked cell.
public struct CheckedCell: Sendable {
    /// The cell as parsed.
    public let cell: Cell
    /// Its statements, resolved.
    let statements: [ResolvedStatement]
    /// The ids of the earlier cells whose bindings this cell reads, in lesson order.
    public let dependencies: [String]
    /// The names this cell binds, with their types, in order.
    public let bindings: [(name: String, type: StepType)]
    /// The names of earlier cells' bindings this cell reads, each once.
    public let inputs: [String]

    /// Every step the cell calls, each once, in order of first call.
    public var steps: [Step] {
        var seen: Set<String> = []
        return statements.flatMap(\.expression.steps).filter { seen.insert("\($0.kind)·\($0.name)").inserted }
    }
}
