import LessonModel
import MarkupEscaping

/// The list of a page's sections (its `##` and `###` headings), linking to their anchors.
struct TableOfContents {
    /// One entry: a heading's level, content and anchor.
    struct Entry {
        var level: Int
        var inlines: [Inline]
        var anchor: String
        var range: SourceRange
    }

    let entries: [Entry]

    /// The second- and third-level headings of `blocks`, in document order, except those inside
    /// an exercise's answer: they belong to the answer, hidden until opened, not to the lesson.
    init(blocks: [Block]) {
        var entries: [Entry] = []
        Block.visit(blocks, enteringAnswers: false) { block in
            if case .heading(let level, let inlines, let anchor, let range) = block, level == 2 || level == 3 {
                entries.append(Entry(level: level, inlines: inlines, anchor: anchor, range: range))
            }
        }
        self.entries = entries
    }

    /// A `<nav>` with nested lists (third-level headings under their second-level one), or an
    /// empty string when the page has no sections.
    ///
    /// The renderer is taken by value: the headings are rendered again in the page's body,
    /// which reports their problems once.
    func render(with inlines: InlineRenderer) -> String {
        var inlines = inlines
        guard !entries.isEmpty else { return "" }
        var html = "<nav class=\"toc\" aria-label=\"On this page\">\n<p class=\"toc-title\">On this page</p>\n<ol>\n"
        var isInSublist = false
        var hasOpenItem = false
        for entry in entries {
            let link = "<a href=\"#\(MarkupEscaping.attribute(entry.anchor))\">\(inlines.render(entry.inlines, in: entry.range, allowsLinks: false))</a>"
            if entry.level == 3 && hasOpenItem {
                if !isInSublist { html += "\n<ol>\n" }
                isInSublist = true
                html += "<li>\(link)</li>\n"
                continue
            }
            if isInSublist { html += "</ol>\n" }
            isInSublist = false
            if hasOpenItem { html += "</li>\n" }
            html += "<li>\(link)"
            hasOpenItem = true
        }
        if isInSublist { html += "</ol>\n" }
        if hasOpenItem { html += "</li>\n" }
        return html + "</ol>\n</nav>\n"
    }
}
