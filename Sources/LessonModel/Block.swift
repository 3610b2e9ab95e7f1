import TeX

/// A block of a lesson: prose, code, math, a cell or an exercise's answer, with the range it
/// spans in the lesson file.
///
/// GitHub-style tables are not included: the system libcmark parses core CommonMark only, so a
/// table in a lesson arrives as a paragraph.
public indirect enum Block: Sendable, Equatable, Codable {
    /// A heading of `level` 1 to 6 with an `anchor` that is unique within the lesson.
    case heading(level: Int, inlines: [Inline], anchor: String, range: SourceRange)
    /// A paragraph of prose.
    case paragraph([Inline], range: SourceRange)
    /// A bullet (`ordered == false`) or numbered list; `items` holds each item's blocks.
    case list(ordered: Bool, start: Int, items: [[Block]], tight: Bool, range: SourceRange)
    /// A block quote.
    case blockQuote([Block], range: SourceRange)
    /// Code that is shown only, never run; `language` is the first word of the info string.
    case code(language: String?, text: String, range: SourceRange)
    /// Library code shown from a file of the repository.
    case include(IncludedCode, range: SourceRange)
    /// A runnable cell.
    case cell(Cell)
    /// Display math (`$$…$$` alone in a paragraph), parsed.
    case displayMath(MathFormula, range: SourceRange)
    /// A horizontal rule.
    case thematicBreak(range: SourceRange)
    /// A raw HTML block, kept verbatim; renderers decide whether it is safe to emit.
    case html(String, range: SourceRange)
    /// The worked answer to the question in the block before it (a fenced `answer` block): its
    /// Markdown parsed as the lesson's prose is, shown only when the reader asks for it. `range`
    /// spans the block from its opening fence to its closing fence.
    case answer([Block], range: SourceRange)

    /// The span of the block in the lesson file.
    public var range: SourceRange {
        switch self {
        case .heading(_, _, _, let range), .paragraph(_, let range), .list(_, _, _, _, let range),
             .blockQuote(_, let range), .code(_, _, let range), .include(_, let range),
             .displayMath(_, let range), .thematicBreak(let range), .html(_, let range), .answer(_, let range):
            return range
        case .cell(let cell):
            return cell.range
        }
    }

    /// The blocks directly inside this one (list items flattened), empty for leaf blocks.
    public var children: [Block] {
        switch self {
        case .list(_, _, let items, _, _): return items.flatMap { $0 }
        case .blockQuote(let blocks, _), .answer(let blocks, _): return blocks
        default: return []
        }
    }

    /// Calls `body` on every block of `blocks` and their descendants, in document order.
    ///
    /// With `enteringAnswers` false, an exercise's answer is visited but not what it holds: the
    /// lesson's outline and its search index leave out what is hidden until asked for.
    public static func visit(_ blocks: [Block], enteringAnswers: Bool = true, _ body: (Block) -> Void) {
        var pending = Array(blocks.reversed())
        while let block = pending.popLast() {
            body(block)
            if case .answer = block, !enteringAnswers { continue }
            pending.append(contentsOf: block.children.reversed())
        }
    }
}
