import Foundation
import Testing

/// A lesson with `<script>` and `"` in every string a real build carries to a page — its title,
/// prose and raw HTML, a caption, a cell's output, an included file's name and a failed cell's
/// error message — built by the `course` binary: the page shows each one escaped.
@Suite struct HostileLessonBuildTests {
    static let lesson = #"""
        ---
        title: "Hostile <script>alert(\"title\")</script>"
        summary: "Summary <script>alert(\"summary\")</script>"
        ---

        Prose with <script>alert("prose")</script>, a "quote" & an ampersand.

        <script>alert("block")</script>

        ```swift include=Sources/<script>.swift#shown
        ```

        ```swift cell id=shown caption="Caption <script>alert(\"caption\")</script>" alt="Alt <script>alert(\"alt\")</script>"
        let data = fashionMNIST(trainingLimit: 32)
        showImages(data.train, count: 2)
        "<script>alert(\"output\")</script>"
        ```

        ```swift cell id=rule
        let rule = "<script>alert(\"error\")</script>"
        ```

        ```swift cell id=gan
        let gan = trainGAN(on: data, epochs: 1, batchSize: 100)
        ```

        """#

    @Test func everyStringOfAHostileLessonIsEscapedOnItsPage() throws {
        let course = try SmallCourse()
        try course.write(Self.lesson, to: "Lessons/03-hostile.md")
        try course.write("// ANCHOR: shown\nlet s = \"<script>alert(\\\"included\\\")</script>\"\n// ANCHOR_END: shown\n", to: "Sources/<script>.swift")
        let result = try course.run(["build"])
        #expect(result.status == 1, "the cell 'gan' fails")
        // Steps take no free strings (options are enum cases), so the failure quotes no text of
        // the lesson's; EscapingTests shows a hostile error message escaped on the page.
        #expect(result.err.contains("Lessons/03-hostile.md:24:52: error: 'trainGAN' failed: a batch of 100 images is larger than the 32 training images"), "\(result.err)")

        for file in try SmallCourse.files(under: course.site).keys where file.hasSuffix(".html") || file.hasSuffix(".svg") {
            // Every page loads the search's two scripts; nothing else may be a script.
            let text = try String(contentsOf: course.site.appendingPathComponent(file), encoding: .utf8)
                .replacingOccurrences(of: "<script src=\"search-index.js\" defer></script>\n<script src=\"search.js\" defer></script>\n", with: "")
            #expect(!text.lowercased().contains("<script"), "\(file) contains an unescaped <script")
            #expect(!text.contains("alert(\""), "\(file) contains an unescaped quote")
        }
        let page = try String(contentsOf: course.site.appendingPathComponent("03-hostile.html"), encoding: .utf8)
        for fragment in [
            "<title>Hostile &lt;script&gt;alert(&quot;title&quot;)&lt;/script&gt;",
            "Prose with <code class=\"raw-html\">&lt;script&gt;</code>alert(&quot;prose&quot;)",
            "<pre class=\"raw-html\">&lt;script&gt;alert(&quot;block&quot;)&lt;/script&gt;",
            "<code>Sources/&lt;script&gt;.swift</code>",
            "Caption &lt;script&gt;alert(&quot;caption&quot;)&lt;/script&gt;",
            "alt=\"Alt &lt;script&gt;alert(&quot;alt&quot;)&lt;/script&gt;\"",
            "<pre class=\"output-text\">&lt;script&gt;alert(&quot;output&quot;)&lt;/script&gt;</pre>",
            "a batch of 100 images is larger than the 32 training images",
        ] {
            #expect(page.contains(fragment), "missing: \(fragment)")
        }
        let index = try String(contentsOf: course.site.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(index.contains("Summary &lt;script&gt;alert(&quot;summary&quot;)&lt;/script&gt;"))
    }
}
