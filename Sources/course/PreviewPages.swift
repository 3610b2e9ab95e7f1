import LessonModel
import MarkupEscaping

/// What `course preview` adds to the pages it serves, and only there (the site `course build`
/// writes has none of it): the script that reloads a page when it changes, and above a page
/// the problems of its lesson, located as the terminal prints them.
enum PreviewPages {
    /// A lesson's page as the preview serves it.
    struct Page: Equatable {
        /// The page's path in the site: `01-codes.html`.
        var path: String
        /// The lesson file: `Lessons/01-codes.md`.
        var lesson: String
        var title: String
        /// The lesson's errors now, or those of its failed cells.
        var problems: [Diagnostic]
        /// Whether the lesson has a render without errors to show below its problems.
        var hasGoodRender: Bool
    }

    /// Where the event stream is served; the reload script connects to it.
    static let eventsPath = "/_preview/events"

    /// `Lessons/01-codes.md` → `01-codes.html`, as the site names lesson pages.
    static func pagePath(ofLesson path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        return (name.hasSuffix(".md") ? String(name.dropLast(3)) : name) + ".html"
    }

    /// Every page of `files` with the reload script, and the problems above the pages they
    /// concern (the home page lists the lessons that have some); a lesson page that could not
    /// be rendered is made of its problems alone. `generation` is what the script compares
    /// with the server's on reconnecting.
    static func decorate(_ files: [String: [UInt8]], pages: [Page], courseProblems: [Diagnostic], notices: [String],
                         generation: Int) -> [String: [UInt8]] {
        var files = files
        for page in pages where files[page.path] == nil {
            files[page.path] = Array(standalone(page).utf8)
        }
        let byPath = Dictionary(pages.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        for (path, bytes) in files where path.hasSuffix(".html") {
            var banner = notices.map { "<p class=\"preview-notice\">\(MarkupEscaping.text($0))</p>\n" }.joined()
            banner += problemsSection(courseProblems, heading: "Problems in the course")
            if let page = byPath[path] {
                banner += problemsSection(page.problems, heading: heading(of: page))
            } else if path == "index.html" {
                let failing = pages.filter { !$0.problems.isEmpty }
                if !failing.isEmpty {
                    banner += "<section class=\"preview-problems\" role=\"alert\"><p>Lessons with problems: "
                        + failing.map { "<a href=\"\(MarkupEscaping.attribute($0.path))\">\(MarkupEscaping.text($0.lesson))</a>" }.joined(separator: ", ")
                        + "</p></section>\n"
                }
            }
            files[path] = Array(inject(String(decoding: bytes, as: UTF8.self), banner: banner, generation: generation).utf8)
        }
        return files
    }

    private static func heading(of page: Page) -> String {
        let count = Console.count(errors: page.problems.filter { $0.severity == .error }.count, warnings: 0)
        return "\(count) in \(page.lesson)" + (page.hasGoodRender ? "; below, its last render without errors" : "")
    }

    /// The problems as the terminal prints them, or nothing when there are none.
    static func problemsSection(_ problems: [Diagnostic], heading: String) -> String {
        guard !problems.isEmpty else { return "" }
        return "<section class=\"preview-problems\" role=\"alert\">\n<p>\(MarkupEscaping.text(heading))</p>\n<pre>"
            + MarkupEscaping.text(problems.map(\.description).joined(separator: "\n")) + "</pre>\n</section>\n"
    }

    /// `html` with the style and script in its head and `banner` before its main content.
    static func inject(_ html: String, banner: String, generation: Int) -> String {
        var html = html
        if let head = html.range(of: "</head>") { html.insert(contentsOf: headAddition(generation: generation), at: head.lowerBound) }
        if !banner.isEmpty, let main = html.range(of: "<main") ?? html.range(of: "</body>") {
            html.insert(contentsOf: "<div class=\"preview-banner\">\n\(banner)</div>\n", at: main.lowerBound)
        }
        return html
    }

    /// A page for a lesson that has never rendered: its problems alone.
    static func standalone(_ page: Page) -> String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <title>\(MarkupEscaping.text(page.title))</title>
        <link rel="stylesheet" href="style.css">
        </head>
        <body>
        <main class="lesson"><h1>\(MarkupEscaping.text(page.title))</h1><p><a href="index.html">All lessons</a></p></main>
        </body>
        </html>

        """
    }

    /// The banner's style, and the script: it listens on the event stream, reloads the page when
    /// a `change` event names it, and, on reconnecting to a server whose generation is not the
    /// one the page was served at (a change it missed, a restarted preview), reloads too.
    static func headAddition(generation: Int) -> String {
        """
        <style>
        .preview-banner { max-width: 52rem; margin: 1rem auto; padding: 0 1rem; }
        .preview-problems { border: 2px solid #b00020; border-radius: 6px; padding: 0.5rem 1rem; background: #fff4f4; color: #5a0010; }
        .preview-problems pre { white-space: pre-wrap; margin: 0.5rem 0; }
        .preview-notice { border: 2px solid #8a6d00; border-radius: 6px; padding: 0.5rem 1rem; background: #fffbe6; color: #4a3a00; }
        </style>
        <script>
        (function () {
          var served = \(generation);
          var page = location.pathname.split("/").pop() || "index.html";
          var events = new EventSource("\(eventsPath)");
          events.addEventListener("hello", function (event) {
            if (Number(event.data) !== served) { location.reload(); }
          });
          events.addEventListener("change", function (event) {
            var lines = event.data.split("\\n");
            served = Number(lines[0]);
            if (lines.indexOf(page) > 0) { location.reload(); }
          });
        })();
        </script>

        """
    }
}
