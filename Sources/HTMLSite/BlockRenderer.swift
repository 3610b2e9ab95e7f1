import LessonModel
import MarkupEscaping

/// Writes a lesson's blocks as HTML: prose, lists, quotes, code, included library code,
/// display math, cells and exercises' answers.
struct BlockRenderer {
    var inlines: InlineRenderer
    let cells: CellRenderer

    /// The HTML for `blocks`; in a tight list (`tight`), paragraphs are written without `<p>`.
    mutating func render(_ blocks: [Block], tight: Bool = false) -> String {
        blocks.map { render($0, tight: tight) }.joined()
    }

    private mutating func render(_ block: Block, tight: Bool) -> String {
        switch block {
        case .heading(let level, let content, let anchor, let range):
            return heading(level: level, html: inlines.render(content, in: range), anchor: anchor)
        case .paragraph(let content, let range):
            let html = inlines.render(content, in: range)
            return tight ? html : "<p>\(html)</p>\n"
        case .list(let ordered, let start, let items, let isTight, _):
            let tag = ordered ? "ol" : "ul"
            let startAttribute = ordered && start != 1 ? " start=\"\(start)\"" : ""
            let body = items.map { "<li>\(render($0, tight: isTight))</li>\n" }.joined()
            return "<\(tag)\(startAttribute)>\n\(body)</\(tag)>\n"
        case .blockQuote(let children, _):
            return "<blockquote>\n\(render(children))</blockquote>\n"
        case .code(let language, let text, _):
            return "<pre class=\"hl\"><code>\(CodeLines.html(text, language: language))</code></pre>\n"
        case .include(let included, _):
            return include(included)
        case .cell(let cell):
            return cells.render(cell)
        case .displayMath(let formula, _):
            return "<div class=\"math-display\">\(inlines.displayMath(formula))</div>\n"
        case .thematicBreak:
            return "<hr>\n"
        case .html(let raw, _):
            return "<pre class=\"raw-html\">\(MarkupEscaping.text(raw))</pre>\n"
        case .answer(let children, _):
            // Closed until the reader opens it, which needs no JavaScript; print opens it (style.css).
            return "<details class=\"answer\">\n<summary>Answer</summary>\n\(render(children))</details>\n"
        }
    }

    /// A heading with its anchor as id and a `#` link to itself, for sharing a section.
    func heading(level: Int, html: String, anchor: String) -> String {
        let level = min(max(level, 1), 6)
        let id = MarkupEscaping.attribute(anchor)
        return "<h\(level) id=\"\(id)\">\(html)<a class=\"anchor\" href=\"#\(id)\" aria-label=\"Link to this section\">#</a></h\(level)>\n"
    }

    private func include(_ included: IncludedCode) -> String {
        let lines = included.lines.count == 1 ? "line \(included.lines.lowerBound)"
            : "lines \(included.lines.lowerBound)–\(included.lines.upperBound)"
        return """
        <figure class="include">
        <figcaption><code>\(MarkupEscaping.text(included.path))</code>, \(lines)</figcaption>
        <pre class="hl"><code>\(CodeLines.html(included.text, language: included.language))</code></pre>
        </figure>

        """
    }
}
