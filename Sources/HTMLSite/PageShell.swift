import LessonModel
import MarkupEscaping

/// The frame every page shares: the document head, the header with the course title and the
/// lesson menu, and the footer.
struct PageShell {
    let course: CourseInfo
    let lessons: [LessonLink]

    /// A complete HTML document around `main`.
    ///
    /// - Parameters:
    ///   - title: The page's own title; the course title is appended to it.
    ///   - description: The page summary for search engines and link previews.
    ///   - currentPage: The lesson page being written, marked in the menu; nil on the home page.
    func document(title: String?, description: String, currentPage: String?, main: String) -> String {
        let fullTitle = title.map { "\($0) · \(course.title)" } ?? course.title
        return Self.head(title: fullTitle, description: description, scripts: SiteSearch.scripts + "\n") + """
        <body>
        \(header(currentPage: currentPage))\(main)\(footer)</body>
        </html>

        """
    }

    /// The start of every document of the site up to `</head>`: its title, description, icon,
    /// style sheet and `scripts`.
    static func head(title: String, description: String, scripts: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="color-scheme" content="light dark">
        <title>\(MarkupEscaping.text(title))</title>
        <meta name="description" content="\(MarkupEscaping.attribute(description))">
        <link rel="icon" href="favicon.svg" type="image/svg+xml">
        <link rel="stylesheet" href="style.css">
        \(scripts)</head>

        """
    }

    private func header(currentPage: String?) -> String {
        var menu = ""
        for lesson in lessons {
            let current = lesson.page == currentPage ? " aria-current=\"page\"" : ""
            menu += "<li><a href=\"\(MarkupEscaping.attribute(lesson.page))\"\(current)><span class=\"menu-number\">\(lesson.number)</span> \(MarkupEscaping.text(lesson.title))</a></li>\n"
        }
        return """
        <header class="site-header">
        <div class="site-header-inner">
        <a class="site-title" href="index.html">\(MarkupEscaping.text(course.title))</a>
        <nav class="lesson-menu" aria-label="Lessons">
        <details>
        <summary>Lessons</summary>
        <ol>
        \(menu)</ol>
        </details>
        </nav>
        </div>
        </header>

        """
    }

    /// ", by <author>" when the course names one.
    private var byline: String {
        course.author.map { ", by " + MarkupEscaping.text($0) } ?? ""
    }

    private var footer: String {
        """
        <footer class="site-footer">
        <p><a href="index.html">\(MarkupEscaping.text(course.title))</a>\(byline) · Built by <code>course build</code>; every figure comes from a cell you can rerun.</p>
        </footer>

        """
    }
}
