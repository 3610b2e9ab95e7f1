import Figures
import Foundation
import LessonModel
import LessonParser
import MarkupEscaping
import Outputs
import Testing
@testable import HTMLSite
import TestSupport

@Suite struct EscapingTests {
    static let lesson = #"""
    ---
    title: "Title <script>alert(\"title\")</script>"
    summary: "Summary <script>alert(\"summary\")</script>"
    ---

    # Heading <script>alert("heading")</script>

    Prose with <script>alert("inline")</script>, a "quote" & an ampersand.

    <script>alert("block")</script>

    A [link](javascript:alert("link")) and [another](https://example.com/"><script>alert("href")</script>).

    ## Heading with "quotes" & <b>tags</b>

    A [titled link](https://example.com "Title <script>alert(\"link-title\")</script>") and
    ![Alt <script>alert("image")</script>](images/dot.svg "Image <script>alert(\"image-title\")</script>").

    Inline `<script>alert("code")</script>` and math $a < b \text{ "<script>" }$.

    ```swift
    let shown = "<script>alert(\"block-code\")</script>"
    ```

    ```swift cell id=evil caption="Caption <script>alert(\"caption\")</script>"
    let x = run(name: "<script>alert(\"code\")</script>")
    ```

    ```swift cell id=worse
    let y = run(name: "y")
    ```
    """#

    /// Builds a site from a lesson with `<script>` and `"` in every string that reaches a page.
    @discardableResult
    static func buildHostileSite(into folder: URL) throws -> SiteReport {
        let repository = try TemporaryFolder()
        try FileManager.default.createDirectory(at: repository.url.appendingPathComponent("Lessons"), withIntermediateDirectories: true)
        try Data(lesson.utf8).write(to: repository.url.appendingPathComponent("Lessons/03-hostile.md"))
        try FileManager.default.createDirectory(at: repository.url.appendingPathComponent("Lessons/images"), withIntermediateDirectories: true)
        try Data("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1\" height=\"1\"/>".utf8)
            .write(to: repository.url.appendingPathComponent("Lessons/images/dot.svg"))
        var lesson = try LessonParser(repositoryRoot: repository.url.path).parse(fileAt: "Lessons/03-hostile.md").lesson
        let range = lesson.blocks[0].range
        lesson.blocks.append(.include(IncludedCode(path: "Sources/<script>alert(\"file\")</script>.swift", anchor: nil, language: "swift",
                                                   text: "let s = \"<script>alert(\\\"included\\\")</script>\u{1}\"", lines: 1...1), range: range))
        let evil = "<script>alert(\"output\")</script>\u{1}"
        let grid = ImageGrid(pixels: [0, 1, 1, 0], imageRows: 2, imageColumns: 2, gridColumns: 1, labels: [evil])
        let chart = LineChart(title: evil, series: [.init(name: evil, values: [1, 2])])
        let executed = ExecutedLesson(lesson: lesson, cells: [
            ExecutedCell(cellID: "evil", status: .ran, outputs: [
                .text(evil),
                .table(Table(header: [evil], rows: [[evil]])),
                .metrics([Metric(name: evil, value: 1, unit: evil)]),
                .imageGrid(grid, caption: evil, altText: evil),
                .chart(.line(chart), caption: evil, altText: evil),
            ], seconds: 1, cacheKey: evil),
            ExecutedCell(cellID: "worse", status: .failed(.error(
                at: SourceLocation(file: "Lessons/<script>alert(\"file\")</script>.md", line: 1, column: 1),
                "failed: \(evil)", hint: evil)), outputs: [], seconds: 1, cacheKey: ""),
        ])
        return try SiteBuilder(course: CourseInfo(title: "Course \(evil)", subtitle: evil), repositoryRoot: repository.url)
            .build(lessons: [executed], into: folder)
    }

    @Test func scriptsAndQuotesComeOutEscapedEverywhere() throws {
        let site = try TemporaryFolder()
        let report = try Self.buildHostileSite(into: site.url.appendingPathComponent("site"))
        for file in report.files where file.hasSuffix(".html") || file.hasSuffix(".svg") {
            // Every page loads the search's two scripts; nothing else may be a script.
            let text = try site.text("site/" + file).replacingOccurrences(of: SiteSearch.scripts, with: "")
            #expect(!text.lowercased().contains("<script"), "\(file) contains an unescaped <script")
            #expect(!text.contains("alert(\""), "\(file) contains an unescaped quote")
        }
        // The search index holds them as data: JSON that reads back with the strings as written.
        let index = try site.text("site/search-index.js")
        let json = try #require(index.firstMatch(of: #/= (\[.*\]);\n$/#.dotMatchesNewlines()).map { String($0.1) })
        let sections = try JSONDecoder().decode([SearchIndex.Section].self, from: Data(json.utf8))
        #expect(sections.contains { $0.text.contains("Prose with <script>alert(\"inline\")") }, "\(sections.map(\.text))")
        let page = try site.text("site/03-hostile.html")
        // Each place the strings went: prose, raw HTML, caption, outputs, labels, file name,
        // error; the control character U+0001 that HTML forbids became U+FFFD.
        for fragment in [
            "Prose with <code class=\"raw-html\">&lt;script&gt;</code>alert(&quot;inline&quot;)",
            "<pre class=\"raw-html\">&lt;script&gt;alert(&quot;block&quot;)&lt;/script&gt;",
            "A link and",
            "href=\"https://example.com/%22%3E%3Cscript%3Ealert(%22href%22)%3C/script%3E\"",
            "Caption &lt;script&gt;alert(&quot;caption&quot;)&lt;/script&gt;",
            "alt=\"&lt;script&gt;alert(&quot;output&quot;)&lt;/script&gt;\u{FFFD}\"",
            "<pre class=\"output-text\">&lt;script&gt;alert(&quot;output&quot;)&lt;/script&gt;\u{FFFD}</pre>",
            "<th scope=\"col\">&lt;script&gt;alert(&quot;output&quot;)&lt;/script&gt;\u{FFFD}</th>",
            "Images in reading order: &lt;script&gt;",
            "<code>Sources/&lt;script&gt;alert(&quot;file&quot;)&lt;/script&gt;.swift</code>",
            "alert(\\&quot;included\\&quot;)&lt;/script&gt;\u{FFFD}",
            "Lessons/&lt;script&gt;alert(&quot;file&quot;)&lt;/script&gt;.md:1:1: error: failed: &lt;script&gt;",
            "<title>Title &lt;script&gt;alert(&quot;title&quot;)&lt;/script&gt; · Course &lt;script&gt;",
            // A heading, its anchor and its entry in the table of contents; link and image titles;
            // the image's alt text, whose raw HTML is dropped; inline code; math; a code block.
            "<h2 id=\"heading-with-quotes-tags\">Heading with &quot;quotes&quot; &amp; <code class=\"raw-html\">&lt;b&gt;</code>",
            "<li><a href=\"#heading-with-quotes-tags\">Heading with &quot;quotes&quot;",
            "title=\"Title &lt;script&gt;alert(&quot;link-title&quot;)&lt;/script&gt;\"",
            "alt=\"Alt alert(&quot;image&quot;)\" title=\"Image &lt;script&gt;alert(&quot;image-title&quot;)&lt;/script&gt;\"",
            "<code>&lt;script&gt;alert(&quot;code&quot;)&lt;/script&gt;</code>",
            "<mtext>\u{A0}&quot;&lt;script&gt;&quot;\u{A0}</mtext>",
            "<annotation encoding=\"application/x-tex\">a &lt; b \\text{ &quot;&lt;script&gt;&quot; }</annotation>",
            "&quot;&lt;script&gt;alert(\\&quot;block-code\\&quot;)&lt;/script&gt;&quot;",
        ] {
            #expect(page.contains(fragment), "missing: \(fragment)")
        }
    }

    @Test func controlCharactersBecomeReplacementCharacters() {
        #expect(MarkupEscaping.text("a\u{0}b\u{7}c\td\u{85}") == "a\u{FFFD}b\u{FFFD}c\td\u{FFFD}")
        #expect(MarkupEscaping.attribute("it's \"x\" & <y>") == "it&#39;s &quot;x&quot; &amp; &lt;y&gt;")
    }
}
