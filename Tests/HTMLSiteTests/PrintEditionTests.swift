import Foundation
import LessonModel
import Testing
@testable import HTMLSite

/// `print.html`: the whole course as one document, for `course build --pdf`.
@Suite struct PrintEditionTests {
    static func printEdition() throws -> (html: String, files: [SiteFile]) {
        var builder = SiteBuilder(course: FixtureCourse.info, repositoryRoot: FixtureCourse.root)
        builder.includesPrintEdition = true
        let files = try builder.render(lessons: try FixtureCourse.executedLessons())
        let page = try #require(files.first { $0.path == PrintEdition.page })
        return (String(decoding: page.bytes, as: UTF8.self), files)
    }

    @Test func holdsEveryLessonInOrderAfterATitlePageAndTheContents() throws {
        let html = try Self.printEdition().html
        let order = ["<header class=\"title-page\">\n<h1>Generative models in Swift</h1>", "<nav class=\"print-contents\"",
                     "<div class=\"print-lesson\" id=\"lesson-1\">\n<header class=\"lesson-header\">\n<p class=\"lesson-number\">Lesson 1</p>",
                     "Figure 1.1", "<div class=\"print-lesson\" id=\"lesson-2\">\n<header class=\"lesson-header\">\n<p class=\"lesson-number\">Lesson 2</p>",
                     "Figure 2.1"]
        let positions = order.map { html.range(of: $0)?.lowerBound }
        #expect(positions.allSatisfy { $0 != nil }, "\(zip(order, positions).filter { $1 == nil }.map(\.0))")
        #expect(positions.compactMap { $0 } == positions.compactMap { $0 }.sorted())
        #expect(html.contains("<a href=\"#lesson-2\"><span class=\"print-contents-number\">2</span> <span class=\"print-contents-title\">The VAE loss</span></a>"))
        // Paper needs no navigation and no search.
        #expect(!html.contains("<script") && !html.contains("site-header") && !html.contains("class=\"pager\""))
    }

    /// Two lessons may name a section alike; in one document every id is prefixed with its
    /// lesson, and every link inside the document leads to an element that exists.
    @Test func idsAreUniqueAndEveryLinkInsideTheDocumentLeadsSomewhere() throws {
        let (html, files) = try Self.printEdition()
        let ids = html.matches(of: #/ id="([^"]*)"/#).map { String($0.1) }
        #expect(ids.count > 10)
        #expect(Set(ids).count == ids.count, "duplicate ids: \(Dictionary(grouping: ids, by: { $0 }).filter { $1.count > 1 }.keys.sorted())")
        let targets = html.matches(of: #/ href="#([^"]*)"/#).map { String($0.1) }
        #expect(targets.contains("l2-the-kl-term") || targets.contains { $0.hasPrefix("l2-") })
        for target in targets { #expect(ids.contains(target), "#\(target) leads nowhere") }
        // The second lesson's link to the first (01-codes.md) leads to it inside the document.
        #expect(html.contains("<a href=\"#lesson-1\">the first lesson</a>"))
        // Figures are the site's own files, next to the document, shown and not linked: printed,
        // a link would name the file on the machine that built the PDF.
        #expect(html.contains("<span class=\"figure-image\"><img src=\"figures/02-vae-loss-samples-1.png\""))
        #expect(!html.contains("<a class=\"figure-image\""))
        let paths = Set(files.map(\.path))
        for source in html.matches(of: #/<img src="([^"]*)"/#).map({ String($0.1) }) {
            #expect(paths.contains(source.removingPercentEncoding ?? source), "\(source) is not in the site")
        }
    }

    @Test func isWrittenOnlyWhenAsked() throws {
        let files = try SiteBuilder(course: FixtureCourse.info, repositoryRoot: FixtureCourse.root).render(lessons: try FixtureCourse.executedLessons())
        #expect(!files.contains { $0.path == PrintEdition.page })
    }
}
