import LessonModel
import MarkupEscaping

/// The print edition, `print.html`: the whole course as one document — a title page, the
/// contents, then every lesson in course order, each starting on a new page — which
/// `course build --pdf` prints to `course.pdf` with the style sheet's print rules.
///
/// It uses the site's figures and style sheet, so it lives in the site folder. Every lesson's
/// ids are prefixed with `l<number>-` (`#l4-the-discriminator`), since two lessons may have a
/// section of the same name, and links between lessons become links inside the document.
struct PrintEdition {
    /// The file name in the site folder.
    static let page = "print.html"

    let course: CourseInfo

    /// The document for `lessons`, each with its rendered content, in course order.
    func render(_ lessons: [(link: LessonLink, content: PageRenderer.Content)]) -> String {
        var contents = ""
        var body = ""
        let links = lessons.map(\.link)
        for (link, content) in lessons {
            contents += "<li><a href=\"#\(Self.lessonID(link))\"><span class=\"print-contents-number\">\(link.number)</span> "
                + "<span class=\"print-contents-title\">\(MarkupEscaping.text(link.title))</span></a>"
                + "<span class=\"print-contents-summary\">\(MarkupEscaping.text(link.summary))</span></li>\n"
            let html = Self.withoutScripts(Self.unlinkingFigures(Self.localizingAnchors(content.header + "<div class=\"lesson-body\">\n" + content.body + "</div>\n",
                                                                    of: link, among: links)))
            body += "<div class=\"print-lesson\" id=\"\(Self.lessonID(link))\">\n\(html)</div>\n"
        }
        var titlePage = ["<h1>\(MarkupEscaping.text(course.title))</h1>"]
        if !course.subtitle.isEmpty { titlePage.append("<p class=\"title-page-subtitle\">\(MarkupEscaping.text(course.subtitle))</p>") }
        if let author = course.author { titlePage.append("<p class=\"title-page-author\">\(MarkupEscaping.text(author))</p>") }
        // No scripts: paper has no search.
        return PageShell.head(title: course.title, description: course.subtitle, scripts: "") + """
        <body class="print-edition">
        <header class="title-page">
        \(titlePage.joined(separator: "\n"))
        </header>
        <nav class="print-contents" aria-label="Contents">
        <h2>Contents</h2>
        <ol>
        \(contents)</ol>
        </nav>
        <main>
        \(body)</main>
        </body>
        </html>

        """
    }

    /// The id of a lesson's first element, which the contents link to.
    static func lessonID(_ lesson: LessonLink) -> String { "lesson-\(lesson.number)" }

    /// `html` without the scripts a lesson's figures bring (a latent explorer's weights and
    /// code): paper shows the explorer's description instead, and the PDF stays small.
    static func withoutScripts(_ html: String) -> String {
        html.replacing(#/<script src="[^"]*"></script>\n?/#, with: "")
    }

    /// `html` with each figure's image no longer a link to its file: printed, such a link would
    /// name the file on the machine that built the PDF.
    static func unlinkingFigures(_ html: String) -> String {
        html.replacing(#/<a class="figure-image" href="[^"]*">(<img [^>]*>)</a>/#) { "<span class=\"figure-image\">\($0.1)</span>" }
    }

    /// `html` of `lesson` with its ids and the links to them prefixed, and links to other
    /// lessons' pages turned into links to those lessons in this document.
    ///
    /// Plain replacement is exact here: every string from a lesson reaches the page escaped,
    /// `"` included, so ` id="` and `href="` occur only in the markup the renderers write.
    static func localizingAnchors(_ html: String, of lesson: LessonLink, among lessons: [LessonLink]) -> String {
        var html = html
            .replacingOccurrences(of: " id=\"", with: " id=\"l\(lesson.number)-")
            .replacingOccurrences(of: " href=\"#", with: " href=\"#l\(lesson.number)-")
        for other in lessons {
            let page = MarkupEscaping.attribute(other.page)
            html = html
                .replacingOccurrences(of: " href=\"\(page)#", with: " href=\"#l\(other.number)-")
                .replacingOccurrences(of: " href=\"\(page)\"", with: " href=\"#\(lessonID(other))\"")
        }
        return html
    }
}
