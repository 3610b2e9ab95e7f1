import LessonModel

/// A lesson's cells as a Swift source file that imports the library, for the Swift compiler to
/// type-check: proof that every cell is real Swift.
///
/// All cells go, in order, into the body of one throwing function, so a `let` of one cell is in
/// scope in the next exactly as the runner binds it. Each cell's body is copied line for line
/// after a `#sourceLocation` directive, so the compiler reports errors at the lesson's lines.
///
/// Steps throw, and cells never write `try` (the cell language has no `try`: a failing step
/// fails its cell). The generator therefore inserts `try ` before the value of each `let`, and
/// `_ = try ` before each expression statement (which also silences "unused result" for steps
/// that return a value). Both cover the whole expression to their right. The columns the
/// compiler reports on such a line are shifted back by the inserted length.
public struct SwiftCellProgram: Sendable {
    /// The Swift source.
    public let text: String
    /// For each lesson line that received an insertion: the file column where the inserted text
    /// starts and its length.
    private let insertions: [Int: (column: Int, length: Int)]

    /// Generates the program of `lesson`'s cells.
    public init(lesson: Lesson) {
        var lines = ["import CourseSteps", "", "func lessonCells() throws {"]
        var insertions: [Int: (column: Int, length: Int)] = [:]
        for cell in lesson.cells {
            guard let body = cell.bodyRange else { continue }
            var sourceLines = cell.source.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            if sourceLines.last == "" { sourceLines.removeLast() }
            let offset = Self.columnOffset(of: cell, lines: sourceLines, firstLine: body.start.line)
            for statement in cell.statements {
                let (start, inserted): (SourceLocation, String) = switch statement.kind {
                case .binding(_, let value): (value.range.start, "try ")
                case .expression: (statement.range.start, "_ = try ")
                }
                let index = start.line - body.start.line
                guard sourceLines.indices.contains(index) else { continue }
                let utf8 = Array(sourceLines[index].utf8)
                let column = min(max(start.column - offset - 1, 0), utf8.count)
                sourceLines[index] = String(decoding: utf8[..<column], as: UTF8.self) + inserted + String(decoding: utf8[column...], as: UTF8.self)
                insertions[start.line] = (start.column, inserted.utf8.count)
            }
            lines.append("#sourceLocation(file: \(Self.literal(lesson.path)), line: \(body.start.line))")
            lines += sourceLines
            lines.append("#sourceLocation()")
        }
        lines.append("}")
        text = lines.joined(separator: "\n") + "\n"
        self.insertions = insertions
    }

    /// The lesson-file column of a column the compiler reported on `line`.
    func fileColumn(line: Int, reportedColumn: Int) -> Int {
        guard let insertion = insertions[line], reportedColumn > insertion.column else { return reportedColumn }
        return max(insertion.column, reportedColumn - insertion.length)
    }

    /// How many bytes of each file line cmark stripped before the cell body (list or quote
    /// indentation): the file column of a statement minus its column in the body text.
    private static func columnOffset(of cell: Cell, lines: [String], firstLine: Int) -> Int {
        guard let statement = cell.statements.first else { return 0 }
        let index = statement.range.start.line - firstLine
        guard lines.indices.contains(index) else { return 0 }
        let leading = lines[index].utf8.prefix { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }.count
        return statement.range.start.column - (leading + 1)
    }

    private static func literal(_ string: String) -> String {
        "\"" + string.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
