import LessonModel

/// A GitHub-style pipe table, recognized in a paragraph (the lesson parser reads core
/// CommonMark, where such a table arrives as lines of text).
struct PipeTable {
        let header: [[Inline]]
    let alignments: [TableLayout.Alignment]
    let rows: [[[Inline]]]

    /// The table in a paragraph's inlines, or nil when the paragraph is not one: at least a
    /// header line and a delimiter line (`|---|:--:|`), every line holding a pipe.
    init?(_ inlines: [Inline]) {
        var lines: [[Inline]] = [[]]
        for inline in inlines {
            switch inline {
            case .softBreak, .lineBreak: lines.append([])
            default: lines[lines.count - 1].append(inline)
            }
        }
        guard lines.count >= 2, let alignments = Self.alignments(Inline.plainText(of: lines[1])) else { return nil }
        let cells = lines.map(Self.cells)
        guard cells[0].count == alignments.count,
              lines.allSatisfy({ Inline.plainText(of: $0).contains("|") }) else { return nil }
        self.header = cells[0]
        self.alignments = alignments
        self.rows = cells.dropFirst(2).map { row in
            (0..<alignments.count).map { $0 < row.count ? row[$0] : [] }
        }
    }

    /// The delimiter row's alignments, or nil when the line is not a delimiter row.
    private static func alignments(_ line: String) -> [TableLayout.Alignment]? {
        var trimmed = Self.trimmingSpaces(Substring(line))
        guard trimmed.contains("-") else { return nil }
        if trimmed.hasPrefix("|") { trimmed = trimmed.dropFirst() }
        if trimmed.hasSuffix("|") { trimmed = trimmed.dropLast() }
        var result: [TableLayout.Alignment] = []
        for part in trimmed.split(separator: "|", omittingEmptySubsequences: false) {
            let cell = Self.trimmingSpaces(part)
            let dashes = cell.trimmingPrefix(":").reversed().drop { $0 == ":" }
            guard !dashes.isEmpty, dashes.allSatisfy({ $0 == "-" }) else { return nil }
            switch (cell.hasPrefix(":"), cell.hasSuffix(":")) {
            case (true, true): result.append(.center)
            case (false, true): result.append(.right)
            default: result.append(.left)
            }
        }
        return result
    }

    private static func trimmingSpaces(_ text: Substring) -> Substring {
        let start = text.firstIndex { $0 != " " } ?? text.endIndex
        let end = text.lastIndex { $0 != " " }.map { text.index(after: $0) } ?? start
        return text[start..<max(start, end)]
    }

    /// A line's cells: its inlines split at pipes outside code spans, outer pipes dropped.
    private static func cells(_ line: [Inline]) -> [[Inline]] {
        var cells: [[Inline]] = [[]]
        for inline in line {
            guard case .text(let text) = inline else {
                cells[cells.count - 1].append(inline)
                continue
            }
            var pieces = text.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
            let first = pieces.removeFirst()
            if !first.isEmpty { cells[cells.count - 1].append(.text(first)) }
            for piece in pieces {
                cells.append(piece.isEmpty ? [] : [.text(piece)])
            }
        }
        cells = cells.map(trimmed)
        if cells.first?.isEmpty == true { cells.removeFirst() }
        if cells.last?.isEmpty == true { cells.removeLast() }
        return cells
    }

    private static func trimmed(_ cell: [Inline]) -> [Inline] {
        var cell = cell
        if case .text(let text)? = cell.first {
            let kept = String(text.drop { $0 == " " })
            if kept.isEmpty { cell.removeFirst() } else { cell[0] = .text(kept) }
        }
        if case .text(let text)? = cell.last {
            let kept = String(String(text.reversed().drop { $0 == " " }).reversed())
            if kept.isEmpty { cell.removeLast() } else { cell[cell.count - 1] = .text(kept) }
        }
        return cell
    }

    /// The table laid out for the terminal, its cells styled.
    func layout(styler: InlineStyler, capabilities: TerminalCapabilities) -> TableLayout {
        TableLayout(
            header: header.map { styler.styled($0, base: TextStyle(bold: true)).resolvingLinks(for: capabilities) },
            rows: rows.map { $0.map { styler.styled($0).resolvingLinks(for: capabilities) } },
            alignments: alignments
        )
    }
}
