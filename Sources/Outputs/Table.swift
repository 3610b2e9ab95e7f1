/// A table of strings with a header row, as a step shows it (per-class accuracy, timings).
public struct Table: Sendable, Equatable, Codable {
    /// The column titles.
    public var header: [String]
    /// The rows; each has as many cells as the header.
    public var rows: [[String]]

    /// Creates a table; every row must have one cell per header column.
    public init(header: [String], rows: [[String]]) {
        precondition(rows.allSatisfy { $0.count == header.count }, "every row has one cell per column")
        self.header = header
        self.rows = rows
    }

    /// The table as aligned plain text: columns padded to their widest cell, a rule under the
    /// header, numbers (cells that parse as one) aligned right.
    public func plainText() -> String {
        let widths = header.indices.map { column in ([header[column]] + rows.map { $0[column] }).map(\.count).max() ?? 0 }
        func line(_ cells: [String]) -> String {
            let padded = cells.enumerated().map { column, cell in
                let space = String(repeating: " ", count: widths[column] - cell.count)
                return Double(cell.replacingOccurrences(of: "_", with: "")) != nil ? space + cell : cell + space
            }
            return String(padded.joined(separator: "  ").reversed().drop { $0 == " " }.reversed())
        }
        let rule = widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ")
        return ([line(header), rule] + rows.map(line)).joined(separator: "\n") + "\n"
    }
}
