import Foundation
import Outputs
import Testing
@testable import HTMLSite
import TestSupport

/// How a latent explorer is written into the site: a numbered figure with a sentence for
/// readers without scripts, its data script (whose weights decode bit for bit), and the
/// explorers' script, which comes with the site only when a page has an explorer.
@Suite struct ExplorerPageTests {
    @Test func explorerIsANumberedFigureWithItsScriptsAndAFallback() throws {
        let files = try SiteBuilder(course: FixtureCourse.info, repositoryRoot: FixtureCourse.root).render(lessons: try FixtureCourse.executedLessons())
        let page = String(decoding: try #require(files.first { $0.path == "01-codes.html" }).bytes, as: UTF8.self)
        #expect(page.contains("<figure class=\"figure explorer\" id=\"figure-1.2\">\n<div class=\"explorer-app\" data-explorer=\"figures/01-codes-explorer-1.js\" hidden>"))
        #expect(page.contains("<span class=\"figure-number\">Figure 1.2:</span> Point at a code to decode it"))
        #expect(page.contains("<p class=\"explorer-fallback\">Latent explorer (on the course site): point at a code among the 200 images' codes"
                              + " to see what the decoder (2→16→784, 13,376 weights) makes of it"))
        #expect(page.contains("</figure>\n<script src=\"figures/01-codes-explorer-1.js\"></script>\n<script src=\"latent-explorer.js\"></script>"))
        #expect(files.contains { $0.path == "latent-explorer.js" })

        // Without an explorer on any page, the site carries no explorer script.
        var lessons = try FixtureCourse.executedLessons()
        lessons[0].cells.removeAll { $0.cellID == "explorer" }
        let plain = try SiteBuilder(course: FixtureCourse.info, repositoryRoot: FixtureCourse.root).render(lessons: lessons)
        #expect(plain.filter { $0.path.hasSuffix(".js") }.map(\.path).sorted() == SiteSearch.files(for: lessons).map(\.path).sorted())
    }

    @Test func dataScriptCarriesTheDecoderBitForBit() throws {
        let explorer = FixtureExplorer.explorer
        let script = String(decoding: ExplorerData.script(explorer, key: "figures/a.js"), as: UTF8.self)
        let prefix = "(window.courseLatentExplorers = window.courseLatentExplorers || {})[\"figures/a.js\"] = "
        let start = try #require(script.range(of: prefix)).upperBound
        let json = try #require(script[start...].split(separator: "\n").first).dropLast()  // the statement's `;`
        struct Payload: Decodable {
            var layers: [NetworkLayer]
            var codes: String
            var classes: [Int]
            var colors: [String]
            var plane: [Double]
        }
        let payload = try JSONDecoder().decode(Payload.self, from: Data(json.utf8))
        #expect(payload.layers == explorer.decoder)
        #expect(FloatBits.floats(base64: payload.codes) == explorer.codes)
        #expect(payload.classes == explorer.classes && payload.colors.count == explorer.classNames.count)
        #expect(payload.plane == explorer.plane)
    }
}
