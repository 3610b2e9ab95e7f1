import LessonModel
import MarkupEscaping

/// Writes one lesson's page: its title and summary, the table of contents, the prose and
/// cells, and links to the previous and next lessons.
struct PageRenderer: LessonRenderer {
    /// A written page with everything it needs next to it.
    struct RenderedPage {
        var html: String
        /// The figures in the order they appear.
        var figures: [Figure]
        /// The figure the lesson's card in the site index shows (see ``Figure/thumbnail(of:among:)``).
        var thumbnail: Figure?
        /// Prose images copied from the repository.
        var assets: [SiteFile]
        /// Problems found in the lesson's content; the build fails if any is an error.
        var diagnostics: [Diagnostic]
    }

    let shell: PageShell
    /// Resolves the lesson's links and images.
    let links: LinkResolver
    /// The lessons the pager links to.
    let previous: LessonLink?
    let next: LessonLink?

    /// A lesson's content without the page around it: what the site's page and the print
    /// edition (``PrintEdition``) both show.
    struct Content {
        /// The lesson's number, title and summary.
        var header: String
        /// The table of contents, or an empty string when the lesson has no sections.
        var contents: String
        /// The prose and cells.
        var body: String
        var figures: [Figure]
        var thumbnail: Figure?
        var assets: [SiteFile]
        var diagnostics: [Diagnostic]
    }

    /// Renders `executed`, with links and images resolved by ``links``.
    func render(_ executed: ExecutedLesson) -> RenderedPage {
        let content = renderContent(executed)
        let main = """
        <main class="lesson">
        \(content.header)\(content.contents)<div class="lesson-body">
        \(content.body)</div>
        \(pager(previous: previous, next: next))</main>

        """
        let lesson = executed.lesson
        let html = shell.document(title: lesson.frontMatter.title, description: lesson.frontMatter.summary,
                                  currentPage: LessonLink(lesson).page, main: main)
        return RenderedPage(html: html, figures: content.figures, thumbnail: content.thumbnail,
                            assets: content.assets, diagnostics: content.diagnostics)
    }

    /// The lesson's header, table of contents and body.
    func renderContent(_ executed: ExecutedLesson) -> Content {
        let lesson = executed.lesson
        let page = LessonLink(lesson)
        let stem = String(page.page.dropLast(".html".count))
        let figures = Figure.figures(of: executed, pageStem: stem)
        let cells = CellRenderer(lesson: lesson, results: Dictionary(executed.cells.map { ($0.cellID, $0) }, uniquingKeysWith: { first, _ in first }),
                                 figures: figures)
        var blocks = BlockRenderer(inlines: InlineRenderer(links: links, values: executed.valueTexts), cells: cells)

        // A leading `# Title` is the page's title; otherwise the front matter's title is.
        var body = lesson.blocks
        var title = "<h1>\(MarkupEscaping.text(lesson.frontMatter.title))</h1>\n"
        if case .heading(1, let content, let anchor, let range)? = body.first {
            title = blocks.heading(level: 1, html: blocks.inlines.render(content, in: range), anchor: anchor)
            body.removeFirst()
        }
        let contents = TableOfContents(blocks: body).render(with: blocks.inlines)
        let bodyHTML = blocks.render(body)
        let header = """
        <header class="lesson-header">
        <p class="lesson-number">Lesson \(lesson.number)</p>
        \(title)<p class="lesson-summary">\(MarkupEscaping.text(lesson.frontMatter.summary))</p>
        </header>

        """
        let allFigures = figures.values.flatMap(\.values).sorted { $0.sequence < $1.sequence }
        return Content(header: header, contents: contents, body: bodyHTML, figures: allFigures,
                       thumbnail: Figure.thumbnail(of: lesson, among: figures),
                       assets: Array(blocks.inlines.assets.values), diagnostics: blocks.inlines.diagnostics)
    }

    private func pager(previous: LessonLink?, next: LessonLink?) -> String {
        func link(_ lesson: LessonLink, relation: String, label: String) -> String {
            "<a class=\"pager-\(relation)\" rel=\"\(relation)\" href=\"\(MarkupEscaping.attribute(lesson.page))\">"
                + "<span class=\"pager-label\">\(label)</span>"
                + "<span class=\"pager-title\">\(lesson.number). \(MarkupEscaping.text(lesson.title))</span></a>\n"
        }
        var html = "<nav class=\"pager\" aria-label=\"Previous and next lessons\">\n"
        html += previous.map { link($0, relation: "prev", label: "← Previous") } ?? "<span></span>\n"
        html += next.map { link($0, relation: "next", label: "Next →") } ?? "<a class=\"pager-next\" href=\"index.html\"><span class=\"pager-label\">Done</span><span class=\"pager-title\">Back to all lessons</span></a>\n"
        return html + "</nav>\n"
    }
}
