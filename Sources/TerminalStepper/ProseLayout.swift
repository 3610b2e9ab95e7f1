import LessonModel
import TeX

/// Lays out prose blocks as terminal lines of at most a given width: wrapped paragraphs,
/// styled headings, indented lists and quotes, highlighted code, math as Unicode.
struct ProseLayout {
    let capabilities: TerminalCapabilities
    /// The inline values' texts as far as the cells run so far computed them, by expression.
    var values: [String: String] = [:]
    /// Whether answers show as a line to press a key on, or in full.
    var answers = AnswerDisplay.collapsed

    private var inlines: InlineStyler { InlineStyler(capabilities: capabilities, values: values) }
    private var code: CodeStyler { CodeStyler(capabilities: capabilities) }

    static let headingColor = TerminalColor.rgb(0x7F, 0xD1, 0xB9)
    static let quoteColor = TerminalColor.gray

    /// The blocks one after another, separated by blank lines.
    func lines(for blocks: [Block], width: Int) -> [StyledText] {
        var lines: [StyledText] = []
        for block in blocks {
            let blockLines = self.lines(for: block, width: width)
            guard !blockLines.isEmpty else { continue }
            if !lines.isEmpty { lines.append(StyledText()) }
            lines.append(contentsOf: blockLines)
        }
        return lines
    }

    func lines(for block: Block, width: Int) -> [StyledText] {
        let width = max(width, 8)
        switch block {
        case .heading(let level, let content, _, _):
            return heading(level: level, content, width: width)
        case .paragraph(let content, _):
            if let table = PipeTable(content) {
                return table.layout(styler: inlines, capabilities: capabilities).lines(width: width).map(MathBreaks.restoringSpaces)
            }
            return wrap(inlines.styled(content), width: width)
        case .list(let ordered, let start, let items, let tight, _):
            return list(ordered: ordered, start: start, items: items, tight: tight, width: width)
        case .blockQuote(let blocks, _):
            let bar = StyledText("│ ", style: TextStyle(foreground: Self.quoteColor))
            return lines(for: blocks, width: width - 2).map { line in
                bar + line.restyled { style in
                    if style.foreground == nil { style.italic = true }
                }
            }
        case .code(let language, let text, _):
            return codeBlock(text, language: language, label: nil, width: width)
        case .include(let included, _):
            let label = "\(included.path):\(included.lines.lowerBound)–\(included.lines.upperBound)"
            return codeBlock(included.text, language: included.language, label: label, width: width)
        case .cell(let cell):
            return codeBlock(cell.source, language: "swift", label: "cell \(cell.id)", width: width)
        case .displayMath(let formula, _):
            return displayMath(formula, width: width)
        case .thematicBreak:
            return [StyledText(String(repeating: "─", count: min(width, 40)), style: TextStyle(dim: true, foreground: Self.quoteColor))]
        case .html:
            // Raw HTML means nothing in a terminal, and showing the tags would be noise.
            return []
        case .answer(let blocks, _):
            return answer(blocks, width: width)
        }
    }

    /// An answer: a line saying it is there, and in full under it, marked by a bar, once shown.
    private func answer(_ blocks: [Block], width: Int) -> [StyledText] {
        let titleStyle = TextStyle(bold: true, foreground: Self.headingColor)
        let keyNote = TextStyle(dim: true)
        switch answers {
        case .collapsed:
            let title = StyledText("▸ Answer", style: titleStyle) + StyledText(" — press \(AnswerDisplay.key) to show", style: keyNote)
            return [title.truncated(toWidth: width)]
        case .revealed, .printed:
            var title = StyledText("▾ Answer", style: titleStyle)
            if answers == .revealed { title.append(" — press \(AnswerDisplay.key) to hide", style: keyNote) }
            let bar = StyledText("│ ", style: TextStyle(foreground: Self.headingColor))
            return [title.truncated(toWidth: width)] + lines(for: blocks, width: width - 2).map { bar + $0 }
        }
    }

    /// A code block with a left gutter, so it stands apart from prose without color too.
    func codeBlock(_ text: String, language: String?, label: String?, width: Int) -> [StyledText] {
        let gutterStyle = TextStyle(dim: true, foreground: Self.quoteColor)
        var lines: [StyledText] = []
        if let label { lines.append(StyledText("┌ " + label, style: gutterStyle)) }
        for line in code.lines(text, language: language, width: width - 2) {
            lines.append(StyledText("│ ", style: gutterStyle) + line)
        }
        return lines
    }

    /// A formula centered on its line. One wider than the line breaks where ``MathBreaks``
    /// allows, and its continuation lines are indented under the first so they read as one
    /// formula. (`↪`, which marks code's continuations, is not used here: in math it is an
    /// arrow.) A part wider than a line between those places breaks at any of its spaces, and
    /// only a run of symbols wider than a line is cut, having no space to break at.
    private func displayMath(_ formula: MathFormula, width: Int) -> [StyledText] {
        let text = InlineStyler.math(formula)
        let style = TextStyle(foreground: InlineStyler.mathColor)
        guard TextWidth.of(text) > width else {
            return [StyledText(String(repeating: " ", count: (width - TextWidth.of(text)) / 2)) + StyledText(text, style: style)]
        }
        let indent = min(Self.mathContinuationIndent, width / 4)
        let protected = MathBreaks.protectingSpaces(in: text)
        let groupsFit = protected.split(separator: " ").allSatisfy { TextWidth.of(String($0)) <= width - indent }
        return TextWrapper.wrap(StyledText(groupsFit ? protected : text, style: style), width: width,
                                restPrefix: StyledText(String(repeating: " ", count: indent)))
            .map(MathBreaks.restoringSpaces)
    }

    /// How far the continuation lines of a formula wider than the screen are indented.
    static let mathContinuationIndent = 4

    private func heading(level: Int, _ content: [Inline], width: Int) -> [StyledText] {
        var style = TextStyle(bold: true, foreground: level <= 2 ? Self.headingColor : nil)
        style.underline = level == 1 && !capabilities.styles
        let text = inlines.styled(content, base: style)
        var lines = wrap(text, width: width)
        if level <= 2 {
            let rule = level == 1 ? "═" : "─"
            let ruleWidth = min(width, lines.map(\.width).max() ?? 0)
            lines.append(StyledText(String(repeating: rule, count: ruleWidth), style: TextStyle(foreground: Self.headingColor)))
        }
        return lines
    }

    private func list(ordered: Bool, start: Int, items: [[Block]], tight: Bool, width: Int) -> [StyledText] {
        let lastNumber = start + items.count - 1
        let markerWidth = ordered ? String(lastNumber).count + 2 : 2
        var lines: [StyledText] = []
        for (offset, item) in items.enumerated() {
            let marker = ordered ? "\(start + offset)." : "•"
            let padded = marker + String(repeating: " ", count: markerWidth - marker.count)
            let markerText = StyledText(padded, style: TextStyle(foreground: Self.headingColor))
            let indent = StyledText(String(repeating: " ", count: markerWidth))
            var itemLines: [StyledText] = []
            for block in item {
                let blockLines = self.lines(for: block, width: width - markerWidth)
                if !itemLines.isEmpty, !tight { itemLines.append(StyledText()) }
                itemLines.append(contentsOf: blockLines)
            }
            if !lines.isEmpty, !tight { lines.append(StyledText()) }
            for (index, line) in itemLines.enumerated() {
                lines.append((index == 0 ? markerText : (line.isEmpty ? StyledText() : indent)) + line)
            }
            if itemLines.isEmpty { lines.append(markerText) }
        }
        return lines
    }

    /// Wrapped text, with the no-break spaces that held inline formulas together plain again.
    private func wrap(_ text: StyledText, width: Int) -> [StyledText] {
        TextWrapper.wrap(text.resolvingLinks(for: capabilities), width: width).map(MathBreaks.restoringSpaces)
    }
}
