import Foundation
import Testing
@testable import HTMLSite
import TestSupport

@Suite struct LinkTests {
    /// Walks every page of the built fixture site: each relative link and image names a file of
    /// the site, each `#fragment` names an id on its page, and no page repeats an id.
    @Test func everyInternalLinkAndAnchorResolves() throws {
        let temporary = try TemporaryFolder()
        let site = temporary.url.appendingPathComponent("site")
        let report = try SiteBuilder(course: FixtureCourse.info, repositoryRoot: FixtureCourse.root)
            .build(lessons: try FixtureCourse.executedLessons(), into: site)

        var idsByPage: [String: [String]] = [:]
        var linksByPage: [String: [String]] = [:]
        for page in report.pages {
            let links = SiteLinks(html: try temporary.text("site/" + page))
            idsByPage[page] = links.ids
            linksByPage[page] = links.references
            let repeated = Dictionary(grouping: links.ids, by: { $0 }).filter { $0.value.count > 1 }.keys
            #expect(repeated.isEmpty, "\(page) repeats ids \(repeated.sorted())")
        }

        var checkedFragments = 0
        var checkedFiles = 0
        for (page, references) in linksByPage {
            for reference in references {
                if let scheme = LinkResolver.scheme(of: reference) {
                    #expect(["http", "https", "mailto"].contains(scheme), "\(page) links to \(reference)")
                    continue
                }
                #expect(!reference.hasPrefix("/"), "\(page) has an absolute link \(reference); the site must work from file://")
                let parts = reference.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
                let path = parts[0].removingPercentEncoding ?? String(parts[0])
                let target = path.isEmpty ? page : path
                if !path.isEmpty {
                    #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent(path).path),
                            "\(page) links to a missing file \(path)")
                    checkedFiles += 1
                }
                if parts.count > 1 {
                    let fragment = String(parts[1])
                    #expect(idsByPage[target]?.contains(fragment) == true, "\(page) links to \(target)#\(fragment), which has no such id")
                    checkedFragments += 1
                }
            }
        }
        // The walk saw the kinds of links the pages have: headings, cells, figures, lessons.
        #expect(checkedFragments >= 20)
        #expect(checkedFiles >= 15)
        #expect(linksByPage["01-codes.html"]?.contains("02-vae-loss.html#the-kl-term") == true)
        #expect(idsByPage["02-vae-loss.html"]?.contains("figure-2.2") == true)
    }

    @Test func lessonLinksPointAtPagesAndUnsafeSchemesLoseTheirTarget() {
        let resolver = LinkResolver(lessonPath: "Lessons/02-vae-loss.md", repositoryRoot: FixtureCourse.root,
                                    pagesByFileName: ["01-codes.md": "01-codes.html"])
        #expect(resolver.href(for: "01-codes.md#sampling") == "01-codes.html#sampling")
        #expect(resolver.href(for: "../Lessons/01-codes.md") == "01-codes.html")
        #expect(resolver.href(for: "https://example.com/a b") == "https://example.com/a%20b")
        #expect(resolver.href(for: "javascript:alert(1)") == nil)
        #expect(resolver.href(for: "JavaScript:alert(1)") == nil)
        #expect(resolver.href(for: "data:text/html,<script>") == nil)
        #expect(resolver.href(for: "#local") == "#local")
    }

    @Test func remoteImagesAreErrorsBecauseNothingLoadsFromOutsideTheSite() throws {
        let resolver = LinkResolver(lessonPath: "Lessons/02-vae-loss.md", repositoryRoot: FixtureCourse.root, pagesByFileName: [:])
        let location = SourceLocationFixture.at(line: 4, column: 1)
        guard case .failure(let remote) = resolver.image("https://cdn.example.com/x.png", at: location) else {
            Issue.record("a remote image was accepted")
            return
        }
        #expect(remote.description == "Lessons/02-vae-loss.md:4:1: error: image 'https://cdn.example.com/x.png' would be loaded from outside the site\n  hint: save the image in the repository and refer to it by a relative path")
        guard case .failure(let missing) = resolver.image("images/missing.png", at: location) else {
            Issue.record("a missing image was accepted")
            return
        }
        #expect(missing.message == "cannot read the image 'Lessons/images/missing.png'")
        guard case .failure(let outside) = resolver.image("../../secret.png", at: location) else {
            Issue.record("an image outside the repository was accepted")
            return
        }
        #expect(outside.message == "image '../../secret.png' lies outside the repository")
    }
}
