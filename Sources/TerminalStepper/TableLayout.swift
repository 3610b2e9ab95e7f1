import Figures
import Outputs

/// A table as terminal lines: columns two spaces apart, a rule under the header, cells
/// wrapped when the table is wider than the screen.
struct TableLayout {
    enum Alignment { case left, center, right }

    var header: [StyledText]
    var rows: [[StyledText]]
    var alignments: [Alignment]

    /// A table a cell showed; columns of numbers are aligned right, as in ``Table/plainText()``.
    init(_ table: Table) {
        header = table.header.map { StyledText($0, style: TextStyle(bold: true)) }
        rows = table.rows.map { $0.map { StyledText($0) } }
        alignments = table.header.indices.map { column in
            let numeric = !table.rows.isEmpty && table.rows.allSatisfy { Double($0[column].replacingOccurrences(of: "_", with: "")) != nil }
            return numeric ? .right : .left
        }
    }

    init(header: [StyledText], rows: [[StyledText]], alignments: [Alignment]) {
        self.header = header
        self.rows = rows
        self.alignments = alignments
    }

    func lines(width: Int) -> [StyledText] {
        let gap = 2
        var widths = header.indices.map { column in
            ([header[column]] + rows.map { $0[column] }).map(\.width).max() ?? 0
        }
        // Narrow the widest column until the table fits, but never below a few columns.
        while widths.reduce(0, +) + gap * (widths.count - 1) > width,
              let widest = widths.indices.max(by: { widths[$0] < widths[$1] }), widths[widest] > 4 {
            widths[widest] -= 1
        }
        var lines = line(header, widths: widths, gap: gap)
        let rule = widths.map { String(repeating: "─", count: $0) }.joined(separator: String(repeating: " ", count: gap))
        lines.append(StyledText(rule, style: TextStyle(dim: true)))
        for row in rows { lines.append(contentsOf: line(row, widths: widths, gap: gap)) }
        return lines
    }

    private func line(_ cells: [StyledText], widths: [Int], gap: Int) -> [StyledText] {
        let wrapped = cells.enumerated().map { column, cell in
            cell.width <= widths[column] ? [cell] : TextWrapper.wrap(cell, width: widths[column]).flatMap { $0.chunked(width: widths[column]) }
        }
        let height = wrapped.map(\.count).max() ?? 1
        return (0..<height).map { row in
            var text = StyledText()
            for (column, pieces) in wrapped.enumerated() {
                let piece = row < pieces.count ? pieces[row] : StyledText()
                let space = max(0, widths[column] - piece.width)
                let left = switch alignments[column] {
                case .left: 0
                case .right: space
                case .center: space / 2
                }
                text.append(String(repeating: " ", count: left))
                text.append(piece)
                if column < wrapped.count - 1 { text.append(String(repeating: " ", count: space - left + gap)) }
            }
            return text
        }
    }
}
