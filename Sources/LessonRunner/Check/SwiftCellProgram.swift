import LessonModel

/// A lesson's cells as a Swift source file that imports the library, for the Swift compiler to
/// type-check: proof that every cell is real Swift.
///
/// All cells of a lesson go, in order, into the body of one throwing function, so a `let` of one
/// cell is in scope in the next exactly as the runner binds it; several lessons make several
/// functions in one file, so one compiler run checks them all. Each cell's body is copied line for line
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
    /// For each lesson line that received an insertion: the column in the cell body where the
    /// inserted text starts, and its length.
    private let insertions: [Line: (column: Int, length: Int)]
    /// For each lesson line of a cell body: how many bytes of container prefix (`> `, list
    /// indentation) precede the body text in the file.
    private let columnOffsets: [Line: Int]

    /// A line of a lesson file.
    private struct Line: Hashable {
        var file: String
        var number: Int
    }

    /// Generates the program of `lesson`'s cells.
    public init(lesson: Lesson) {
        self.init(lessons: [lesson])
    }

    /// Generates one program with a function for each lesson's cells.
    public init(lessons: [Lesson]) {
        var lines = ["import CourseSteps"]
        var insertions: [Line: (column: Int, length: Int)] = [:]
        var columnOffsets: [Line: Int] = [:]
        for (number, lesson) in lessons.enumerated() {
            lines += ["", "func lesson\(number + 1)Cells() throws {"]
            for cell in lesson.cells {
                guard let body = cell.bodyRange else { continue }
                lines.append("#sourceLocation(file: \(Self.literal(lesson.path)), line: \(body.start.line))")
                lines += Self.swiftLines(of: cell, firstLine: body.start.line) { line, offset, insertion in
                    let key = Line(file: lesson.path, number: line)
                    columnOffsets[key] = offset
                    if let insertion { insertions[key] = insertion }
                }
                lines.append("#sourceLocation()")
            }
            lines.append("}")
        }
        text = lines.joined(separator: "\n") + "\n"
        self.insertions = insertions
        self.columnOffsets = columnOffsets
    }

    /// The body lines of `cell` with `try` inserted; `note` learns each file line's prefix length
    /// and insertion.
    private static func swiftLines(
        of cell: Cell, firstLine: Int, note: (Int, Int, (column: Int, length: Int)?) -> Void
    ) -> [String] {
        var lines = cell.source.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        let offset = columnOffset(of: cell, lines: lines, firstLine: firstLine)
        var insertions: [Int: (column: Int, length: Int)] = [:]
        for statement in cell.statements {
            let (start, inserted): (SourceLocation, String) = switch statement.kind {
            case .binding(_, let value): (value.range.start, "try ")
            case .expression: (statement.range.start, "_ = try ")
            }
            let index = start.line - firstLine
            guard lines.indices.contains(index) else { continue }
            let utf8 = Array(lines[index].utf8)
            let column = min(max(start.column - offset - 1, 0), utf8.count)
            lines[index] = String(decoding: utf8[..<column], as: UTF8.self) + inserted + String(decoding: utf8[column...], as: UTF8.self)
            insertions[index] = (column + 1, inserted.utf8.count)
        }
        for index in lines.indices { note(firstLine + index, offset, insertions[index]) }
        return lines
    }

    /// The lesson-file column of a column the compiler reported on `line`.
    func fileColumn(file: String, line: Int, reportedColumn: Int) -> Int {
        let key = Line(file: file, number: line)
        var column = reportedColumn
        if let insertion = insertions[key], column > insertion.column {
            column = max(insertion.column, column - insertion.length)
        }
        return column + (columnOffsets[key] ?? 0)
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
