import Spelling
import LessonModel

/// Turns the Markdown tree of a lesson into `Block` values: restores math, recognizes cells and
/// includes from info strings, gathers answers, parses cell bodies and checks cell ids.
struct BlockBuilder {
    private let source: LessonSource
    private let includes: IncludeResolver
    private let answers: AnswerFences
    /// How many answers the blocks being built are inside.
    private var answerDepth = 0
    private var restorer: MathRestorer
    private var firstCellWithID: [String: SourceLocation] = [:]
    private var cellCount = 0
    private(set) var diagnostics: [Diagnostic] = []
    /// The names of `let` statements in cells that did not parse (see `CellParser.unparsedBindings`).
    private(set) var unparsedBindings: [String] = []
    /// Where the block being read starts, for an inline that cmark gives no position.
    private var inlineFallback = SourceLocation(file: "", line: 0, column: 0)

    init(source: LessonSource, spans: [MathScanner.Span], includes: IncludeResolver, answers: AnswerFences) {
        self.source = source
        self.includes = includes
        self.answers = answers
        restorer = MathRestorer(spans: spans)
    }

    /// The blocks of the document, with heading anchors assigned.
    mutating func build(_ document: MarkdownNode) -> [Block] {
        let blocks = blocks(document.children)
        var anchors = HeadingAnchors(reserved: Set(firstCellWithID.keys))
        return Self.assignAnchors(blocks, &anchors)
    }

    // MARK: Blocks

    /// The blocks of sibling nodes, with each answer's nodes (between its two fence markers)
    /// gathered into one `Block.answer`.
    private mutating func blocks(_ nodes: [MarkdownNode]) -> [Block] {
        var result: [Block] = []
        var index = 0
        while index < nodes.count {
            let node = nodes[index]
            index += 1
            guard case .htmlBlock = node.kind else {
                result += blocks(for: node)
                continue
            }
            if let region = answers.region(closingAt: node.startLine) {
                // Its opening marker went into the block before it, so the answer is lost.
                diagnostics.append(.error(
                    at: region.range.start, "the answer's opening fence is taken into the block before it",
                    hint: "put a blank line before the ```answer fence"))
                continue
            }
            guard let region = answers.region(openingAt: node.startLine) else {
                result += blocks(for: node)
                continue
            }
            var body: [MarkdownNode] = []
            var isClosed = false
            while index < nodes.count {
                let next = nodes[index]
                index += 1
                if case .htmlBlock = next.kind, next.startLine == region.closing {
                    isClosed = true
                    break
                }
                body.append(next)
            }
            if !isClosed {
                diagnostics.append(.error(
                    at: region.closingFence, "a block inside the answer runs on past the answer's closing fence",
                    hint: "close the code fence (or raw HTML) inside the answer; an answer holding ``` code opens with a longer fence: ````answer"))
            }
            answerDepth += 1
            result.append(.answer(blocks(body), range: region.range))
            answerDepth -= 1
        }
        checkQuestions(before: result)
        return result
    }

    /// An answer answers the block just before it in the same container: there must be one, and
    /// it must be a question, not a heading, a rule or another answer.
    private mutating func checkQuestions(before blocks: [Block]) {
        let hint = "write the question (a paragraph, a list item, a formula) just before the ```answer fence, in the same list item or quote"
        for (index, block) in blocks.enumerated() {
            guard case .answer(_, let range) = block else { continue }
            switch index > 0 ? blocks[index - 1] : nil {
            case .answer(_, let previous)?:
                diagnostics.append(.error(
                    at: range.start, "two answers in a row: this answer follows another answer",
                    hint: "merge them into one answer block, or write the question this one answers between them",
                    notes: [.note(at: previous.start, "the answer before it is here")]))
            case nil:
                diagnostics.append(.error(at: range.start, "an answer block with no question before it", hint: hint))
            case .heading?, .thematicBreak?:
                diagnostics.append(.error(at: range.start, "an answer block right after a heading or rule answers no question", hint: hint))
            default:
                break
            }
        }
    }

    private mutating func blocks(for node: MarkdownNode) -> [Block] {
        let range = blockRange(node)
        inlineFallback = range.start
        switch node.kind {
        case .paragraph:
            return paragraph(node, range: range)
        case .heading(let level):
            return [.heading(level: level, inlines: inlines(node.children), anchor: "", range: range)]
        case .blockQuote:
            return [.blockQuote(blocks(node.children), range: range)]
        case .list(let ordered, let start, let tight):
            return [.list(ordered: ordered, start: start, items: node.children.map { blocks($0.children) }, tight: tight, range: range)]
        case .codeBlock(let literal):
            return [codeBlock(node, literal: literal, range: range)]
        case .htmlBlock(let html):
            return [.html(html, range: range)]
        case .thematicBreak:
            return [.thematicBreak(range: range)]
        case .document, .item, .text, .softBreak, .lineBreak, .code, .htmlInline, .emphasis, .strong, .link, .image:
            return blocks(node.children)
        }
    }

    /// The node's range; cmark ends a list before a blank line at column 0, which becomes the end of the previous line.
    private func blockRange(_ node: MarkdownNode) -> SourceRange {
        var endLine = node.endLine, endColumn = node.endColumn
        if endColumn < 1, endLine > node.startLine {
            endLine -= 1
            endColumn = max(1, source.bytes(ofLine: endLine).count)
        }
        return source.range(node.startLine, node.startColumn, endLine, max(1, endColumn))
    }

    /// A paragraph, or display math blocks when the paragraph holds nothing but `$$…$$` spans.
    private mutating func paragraph(_ node: MarkdownNode, range: SourceRange) -> [Block] {
        let firstSpan = restorer.consumed
        let content = inlines(node.children)
        // CommonMark: a ``` fence's info string cannot hold a backtick, so such a line is prose.
        if case .text(let text)? = content.first, text.hasPrefix("```"), content.contains(where: { if case .value = $0 { true } else if case .code = $0 { true } else { false } }) {
            diagnostics.append(.error(
                at: range.start, "a code fence opened with ``` cannot have a backtick in its info string",
                hint: "open and close the block with ~~~ instead, so a caption can hold `{swift} name`"))
        }
        let spans = restorer.spans[firstSpan..<restorer.consumed]
        let onlyDisplayMath = !spans.isEmpty && content.allSatisfy { inline in
            switch inline {
            case .math(_, let display): return display
            case .softBreak, .lineBreak: return true
            case .text(let text): return text.allSatisfy(\.isWhitespace)
            default: return false
            }
        }
        guard onlyDisplayMath else { return [.paragraph(content, range: range)] }
        return spans.map { span in span.formula.map { .displayMath($0, range: span.range) } ?? .paragraph([.text(span.latex)], range: span.range) }
    }

    // MARK: Inlines

    private mutating func inlines(_ nodes: [MarkdownNode]) -> [Inline] {
        var result: [Inline] = []
        for node in nodes {
            switch node.kind {
            case .text(let text): restorer.append(text, to: &result)
            case .softBreak: if !restorer.swallowsBreaks { result.append(.softBreak) }
            case .lineBreak: result.append(.lineBreak)
            case .code(let code):
                let location = node.startLine > 0 ? source.location(line: node.startLine, column: node.startColumn) : inlineFallback
                switch InlineValue.parse(codeSpan: code, at: location) {
                case .success(var value):
                    if node.startLine > 0 { value.nameLocation = nameLocation(of: value, inSpanAt: location) }
                    result.append(.value(value))
                case .failure(let diagnostic):
                    diagnostics.append(diagnostic)
                    result.append(.code(code))
                case nil: result.append(.code(code))
                }
            case .htmlInline(let html): result.append(.html(html))
            case .emphasis: result.append(.emphasis(inlines(node.children)))
            case .strong: result.append(.strong(inlines(node.children)))
            case .link(let url, let title):
                result.append(.link(destination: url, title: title.isEmpty ? nil : title, children: inlines(node.children)))
            case .image(let url, let title):
                result.append(.image(source: url, title: title.isEmpty ? nil : title, alt: inlines(node.children)))
            default:
                result += inlines(node.children)
            }
        }
        return result
    }

    // MARK: Code blocks

    /// Where the name of `value` is written in the code span at `location` (cmark's start of a
    /// code span: its content, after the backticks); nil when the span is not written plainly
    /// on that line.
    private func nameLocation(of value: InlineValue, inSpanAt location: SourceLocation) -> SourceLocation? {
        let line = Array(source.bytes(ofLine: location.line))
        var index = location.column - 1
        guard index >= 0, index < line.count else { return nil }
        while index < line.count, line[index] == UInt8(ascii: "`") { index += 1 }
        while index < line.count, line[index] == UInt8(ascii: " ") { index += 1 }
        guard line[index...].starts(with: InlineValue.marker.utf8) else { return nil }
        index += InlineValue.marker.utf8.count
        while index < line.count, line[index] == UInt8(ascii: " ") { index += 1 }
        guard line[index...].starts(with: value.name.utf8) else { return nil }
        return source.location(line: location.line, column: index + 1)
    }

    private mutating func codeBlock(_ node: MarkdownNode, literal: String, range: SourceRange) -> Block {
        guard let fence = FencedCodeBlock(node, source: source) else {
            return .code(language: nil, text: literal, range: range)
        }
        if !fence.isClosed {
            diagnostics.append(.error(
                at: source.location(line: node.startLine, column: node.startColumn), "unterminated code fence",
                hint: "close the block with a fence line like the opening one (```) on its own line"))
        }
        var infoDiagnostics: [Diagnostic] = []
        let words = InfoString(fence.info, line: node.startLine, column: fence.infoColumn, source: source, diagnostics: &infoDiagnostics).words
        guard let language = words.first?.key, !language.isEmpty else {
            diagnostics += infoDiagnostics
            return .code(language: nil, text: literal, range: range)
        }
        if language == AnswerFences.infoWord {
            // An answer block left as code was reported by `AnswerFences`, unless it is inside another answer.
            if answerDepth > 0 {
                diagnostics.append(.error(
                    at: words[0].range.start, "an answer cannot hold another answer",
                    hint: "write the follow-up question and its answer after this answer, outside it"))
            }
            return .code(language: language, text: literal, range: range)
        }
        diagnostics += infoDiagnostics
        guard language == "swift" else { return .code(language: language, text: literal, range: range) }
        let rest = words.dropFirst()
        if let first = rest.first, first.key == "cell", first.value == nil {
            if answerDepth > 0 {
                diagnostics.append(.error(
                    at: first.range.start, "an answer cannot hold a runnable cell",
                    hint: "show the code with a plain ```swift block; the cells run with the lesson, outside its answers"))
                return .code(language: language, text: literal, range: range)
            }
            return .cell(cell(node, fence: fence, literal: literal, words: Array(rest.dropFirst()), range: range))
        }
        if let include = rest.first(where: { $0.key == "include" }) {
            return includeBlock(include, others: rest.filter { $0.key != "include" }, fence: fence, literal: literal, range: range)
        }
        if let word = rest.first {
            let hint = SpellingSuggestion.hint(for: word.key, among: ["cell", "include"])
                ?? "write 'swift cell' for a runnable cell, or 'swift include=PATH#ANCHOR' to show library code"
            diagnostics.append(.error(at: word.range.start, "unexpected '\(word.key)' after 'swift' in the info string", hint: hint))
        }
        return .code(language: language, text: literal, range: range)
    }

    private mutating func includeBlock(
        _ include: InfoString.Word, others: [InfoString.Word], fence: FencedCodeBlock, literal: String, range: SourceRange
    ) -> Block {
        for word in others {
            diagnostics.append(.error(
                at: word.range.start, "unexpected '\(word.key)' in an include block",
                hint: "an include block takes only include=PATH#ANCHOR"))
        }
        let reference = include.value ?? ""
        if !literal.allSatisfy(\.isWhitespace), let lines = fence.bodyLines {
            diagnostics.append(.error(
                at: source.location(line: lines.lowerBound, column: 1), "an include block must be empty",
                hint: "its code comes from '\(reference)'; remove the lines between the fences"))
        }
        switch includes.resolve(reference, language: "swift", at: include.range.start) {
        case .success(let code):
            return .include(code, range: range)
        case .failure(let diagnostic):
            diagnostics.append(diagnostic)
            return .code(language: "swift", text: literal, range: range)
        }
    }

    // MARK: Cells

    private mutating func cell(
        _ node: MarkdownNode, fence: FencedCodeBlock, literal: String, words: [InfoString.Word], range: SourceRange
    ) -> Cell {
        cellCount += 1
        let attributes = cellAttributes(words)
        let id = attributes.first { $0.name == "id" }?.value ?? "cell-\(cellCount)"
        let idLocation = attributes.first { $0.name == "id" }?.range.start ?? range.start
        if let first = firstCellWithID[id] {
            diagnostics.append(.error(
                at: idLocation, "duplicate cell id '\(id)'", hint: "give each cell its own id",
                notes: [.note(at: first, "'\(id)' is first used here")]))
        } else {
            firstCellWithID[id] = idLocation
        }

        let map = sourceMap(literal: literal, bodyLines: fence.bodyLines, fallbackColumn: node.startColumn)
        var statements: [Statement] = []
        // An unterminated cell runs to the end of the file; its "body" is mostly prose, and
        // parsing it would bury the one real error under many false ones.
        if fence.isClosed {
            var parser = CellParser(source: literal, map: map)
            statements = parser.parse()
            diagnostics += parser.diagnostics
            unparsedBindings += parser.unparsedBindings
        }
        if statements.isEmpty && fence.isClosed && !diagnostics.contains(where: { $0.location.line >= range.start.line && $0.severity == .error }) {
            diagnostics.append(.warning(at: range.start, "cell '\(id)' has no statements", hint: "add a step call, or make it a plain 'swift' block"))
        }

        var bodyRange: SourceRange?
        if let first = map.lines.first, let last = map.lines.last {
            let lastLength = source.bytes(ofLine: last.line).count
            bodyRange = source.range(first.line, first.firstColumn, last.line, max(1, lastLength))
        }
        return Cell(id: id, index: cellCount, attributes: attributes, source: literal, range: range, bodyRange: bodyRange, statements: statements)
    }

    private mutating func cellAttributes(_ words: [InfoString.Word]) -> [CellAttribute] {
        var attributes: [CellAttribute] = []
        var written: Set<String> = []
        for word in words {
            guard let rule = CellAttributeRule.named(word.key) else {
                let hint = SpellingSuggestion.hint(for: word.key, among: CellAttributeRule.names)
                    ?? "known attributes: \(CellAttributeRule.names.joined(separator: ", "))"
                diagnostics.append(.error(at: word.range.start, "unknown cell attribute '\(word.key)'", hint: hint))
                continue
            }
            if !written.insert(word.key).inserted {
                diagnostics.append(.error(at: word.range.start, "duplicate cell attribute '\(word.key)'"))
                continue
            }
            guard let value = word.value ?? (rule.isFlag ? "true" : nil), !value.isEmpty else {
                diagnostics.append(.error(
                    at: word.range.start, "cell attribute '\(word.key)' needs a value",
                    hint: "write \(word.key)=value, with quotes if the value has spaces"))
                continue
            }
            if let problem = rule.problem(value) {
                diagnostics.append(.error(at: word.range.start, problem))
                continue
            }
            attributes.append(CellAttribute(name: word.key, value: value, range: word.range))
        }
        return attributes
    }

    /// Where each body line starts in the file: cmark strips container prefixes, so the column
    /// is found by matching the body line against the end of the raw file line.
    private func sourceMap(literal: String, bodyLines: ClosedRange<Int>?, fallbackColumn: Int) -> CellSourceMap {
        var lines: [(line: Int, firstColumn: Int)] = []
        if let bodyLines {
            var content = literal.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
            if content.last?.isEmpty == true { content.removeLast() }
            for (offset, line) in bodyLines.enumerated() {
                let raw = source.bytes(ofLine: line)
                var text = offset < content.count ? Array(content[offset]) : []
                if text.last == UInt8(ascii: "\r") { text.removeLast() }
                let column = raw.count >= text.count && raw.suffix(text.count).elementsEqual(text)
                    ? raw.count - text.count + 1 : fallbackColumn
                lines.append((line, column))
            }
        }
        return CellSourceMap(file: source.path, lines: lines)
    }

    // MARK: Anchors

    private static func assignAnchors(_ blocks: [Block], _ anchors: inout HeadingAnchors) -> [Block] {
        blocks.map { block in
            switch block {
            case .heading(let level, let inlines, _, let range):
                return .heading(level: level, inlines: inlines, anchor: anchors.anchor(for: Inline.plainText(of: inlines)), range: range)
            case .list(let ordered, let start, let items, let tight, let range):
                return .list(ordered: ordered, start: start, items: items.map { assignAnchors($0, &anchors) }, tight: tight, range: range)
            case .blockQuote(let children, let range):
                return .blockQuote(assignAnchors(children, &anchors), range: range)
            case .answer(let children, let range):
                return .answer(assignAnchors(children, &anchors), range: range)
            default:
                return block
            }
        }
    }
}
