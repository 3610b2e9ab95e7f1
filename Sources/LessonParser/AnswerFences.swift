import LessonModel

/// Finds the fenced `answer` blocks of a lesson and turns their fences into markers, so that
/// cmark parses an answer's body as Markdown, in place, like the rest of the lesson's prose.
///
/// Parsing the body where it stands, rather than as a document of its own, keeps every line and
/// column of it the file's own (math errors, inline values and code inside an answer are located
/// as anywhere else), and keeps it in its container: an answer inside a list item stays in the
/// item. Each fence line becomes a one-line HTML comment at the fence's column, which ends a
/// list or paragraph before it as the fence did, and which `BlockBuilder` recognizes by its line
/// and drops, gathering the blocks between the two markers into a `Block.answer`.
///
/// A block that cannot be an answer (no closing fence, an empty body, words after `answer`) is
/// reported here and left a code block.
struct AnswerFences {
    /// One answer block whose fences were replaced by markers.
    struct Region: Equatable {
        /// The file lines of the opening and the closing fence.
        var opening, closing: Int
        /// Where the closing fence starts.
        var closingFence: SourceLocation
        /// From the opening fence to the closing fence.
        var range: SourceRange
    }

    /// The info string that makes a fenced block an answer.
    static let infoWord = "answer"
    /// What a fence line becomes: an HTML block of one line, which can interrupt a paragraph and
    /// end a list, as a fence can.
    static let marker = Array("<!---->".utf8)

    /// The source with each answer's fences replaced by markers.
    private(set) var bytes: [UInt8]
    /// The answers, in document order.
    private(set) var regions: [Region] = []

    /// Finds the answer blocks among the code blocks of `document` (a first parse of `source`).
    init(source: LessonSource, document: MarkdownNode, diagnostics: inout [Diagnostic]) {
        var replaced: [Int: Int] = [:]  // fence line → the column where its marker starts
        var regions: [Region] = []
        document.visit { node in
            guard case .codeBlock(let literal) = node.kind, let fence = FencedCodeBlock(node, source: source) else { return }
            var infoDiagnostics: [Diagnostic] = []
            let words = InfoString(fence.info, line: node.startLine, column: fence.infoColumn, source: source, diagnostics: &infoDiagnostics).words
            guard let first = words.first, first.key == Self.infoWord else { return }
            diagnostics += infoDiagnostics
            let opening = source.location(line: node.startLine, column: fence.infoColumn)
            var isAnswer = true
            if first.value != nil {
                diagnostics.append(.error(at: first.range.start, "'answer' takes no value", hint: "open the block with ```answer alone"))
                isAnswer = false
            }
            for word in words.dropFirst() {
                diagnostics.append(.error(
                    at: word.range.start, "unknown answer attribute '\(word.key)'",
                    hint: "an answer block takes no attributes: open it with ```answer alone"))
                isAnswer = false
            }
            if !fence.isClosed {
                diagnostics.append(.error(
                    at: opening, "unterminated answer block",
                    hint: "close the answer with a fence line like the opening one (```) on its own line"))
                return
            }
            if literal.allSatisfy(\.isWhitespace) {
                diagnostics.append(.error(
                    at: opening, "empty answer",
                    hint: "write the worked answer, in Markdown, between the fences, or remove the block"))
                return
            }
            guard isAnswer else { return }
            replaced[node.startLine] = fence.fenceColumn
            let closingColumn = Self.fenceColumn(ofClosingLine: source.bytes(ofLine: node.endLine)) + 1
            replaced[node.endLine] = closingColumn
            regions.append(Region(
                opening: node.startLine, closing: node.endLine, closingFence: source.location(line: node.endLine, column: closingColumn),
                range: source.range(node.startLine, node.startColumn, node.endLine, max(1, source.bytes(ofLine: node.endLine).count))))
        }
        self.regions = regions
        guard !replaced.isEmpty else {
            bytes = source.bytes
            return
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(source.bytes.count + replaced.count * Self.marker.count)
        for line in 1...source.lineCount {
            let range = source.byteRange(ofLine: line)
            let end = line < source.lineCount ? source.lineStarts[line] : source.bytes.count
            if let column = replaced[line] {
                bytes += source.bytes[range.lowerBound..<(range.lowerBound + column - 1)] + Self.marker
                bytes += source.bytes[range.upperBound..<end]
            } else {
                bytes += source.bytes[range.lowerBound..<end]
            }
        }
        self.bytes = bytes
    }

    /// The 0-based byte index of the fence in a closing fence line (after any container prefix).
    private static func fenceColumn(ofClosingLine line: ArraySlice<UInt8>) -> Int {
        let prefix = line.prefix { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") || $0 == UInt8(ascii: ">") }
        return prefix.count
    }

    /// The answer whose opening fence is on `line`, if any.
    func region(openingAt line: Int) -> Region? {
        regions.first { $0.opening == line }
    }

    /// The answer whose closing fence is on `line`, if any.
    func region(closingAt line: Int) -> Region? {
        regions.first { $0.closing == line }
    }
}
