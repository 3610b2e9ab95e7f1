import Figures
import Foundation
import LessonModel
import Outputs
import Testing
@testable import HTMLSite
import TestSupport

@Suite struct SiteBuilderTests {
    @discardableResult
    private func buildFixture(into folder: URL) throws -> SiteReport {
        try SiteBuilder(course: FixtureCourse.info, repositoryRoot: FixtureCourse.root)
            .build(lessons: try FixtureCourse.executedLessons(), into: folder)
    }

    @Test func lessonPageAndHomeMatchGoldenFiles() throws {
        let temporary = try TemporaryFolder()
        let site = temporary.url.appendingPathComponent("site")
        try buildFixture(into: site)
        try golden.check(try temporary.text("site/02-vae-loss.html"), against: "course/golden/02-vae-loss.html")
        try golden.check(try temporary.text("site/index.html"), against: "course/golden/index.html")
    }

    @Test func theAuthorIsOnTheHomePageAndInEveryFooterWhenGiven() throws {
        func pages(_ course: CourseInfo) throws -> [String: String] {
            let files = try SiteBuilder(course: course, repositoryRoot: FixtureCourse.root).render(lessons: try FixtureCourse.executedLessons())
            return Dictionary(uniqueKeysWithValues: files.filter { $0.path.hasSuffix(".html") }.map { ($0.path, String(decoding: $0.bytes, as: UTF8.self)) })
        }
        let authored = try pages(CourseInfo(title: "Codes", subtitle: "VAEs", author: "Ada <Lovelace>"))
        #expect(authored["index.html"]?.contains("<h1>Codes</h1>\n<p class=\"home-subtitle\">VAEs</p>\n<p class=\"home-subtitle home-author\">By Ada &lt;Lovelace&gt;</p>\n</header>") == true)
        for (path, page) in authored {
            #expect(page.contains("<a href=\"index.html\">Codes</a>, by Ada &lt;Lovelace&gt; · Built by"), "\(path)")
        }
        let plain = try pages(CourseInfo(title: "Codes", subtitle: ""))
        #expect(plain["index.html"]?.contains("<h1>Codes</h1>\n</header>") == true, "no empty subtitle")
        #expect(plain.values.allSatisfy { $0.contains("<a href=\"index.html\">Codes</a> · Built by") && !$0.contains(", by ") })
    }

    @Test func reportListsPagesFiguresAndFiles() throws {
        let temporary = try TemporaryFolder()
        let site = temporary.url.appendingPathComponent("site")
        let report = try buildFixture(into: site)
        #expect(report.pages == ["index.html", "01-codes.html", "02-vae-loss.html"])
        // A latent explorer's figure file is its data script, and the explorers' script comes with it.
        #expect(report.figures == ["figures/01-codes-codes-1.svg", "figures/01-codes-explorer-1.js", "figures/02-vae-loss-samples-1.png",
                                   "figures/02-vae-loss-train-2.svg"])
        #expect(report.files == [".course-site", "01-codes.html", "02-vae-loss.html", "favicon.svg", "figures/01-codes-codes-1.svg",
                                 "figures/01-codes-explorer-1.js", "figures/02-vae-loss-samples-1.png", "figures/02-vae-loss-train-2.svg",
                                 "images/Lessons-images-vae.svg", "index.html", "latent-explorer.js", "search-index.js", "search.js", "style.css"])
        let written = try FileManager.default.subpathsOfDirectory(atPath: site.path).filter { !$0.hasSuffix("figures") && !$0.hasSuffix("images") }
        #expect(written.sorted() == report.files)
        // The PNG is a real PNG of the grid's size: 8 columns and 2 rows of 84 px, and 2 px gaps.
        let png = try Data(contentsOf: site.appendingPathComponent("figures/02-vae-loss-samples-1.png"))
        #expect(png.prefix(8) == Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        #expect(Array(png[16..<24]) == [0, 0, 0x02, 0xB2, 0, 0, 0, 0xAE])
        let page = try temporary.text("site/02-vae-loss.html")
        #expect(page.contains("width=\"690\" height=\"174\""))
    }

    @Test func figuresAreNumberedPerLessonWithCaptionsAndAltText() throws {
        let temporary = try TemporaryFolder()
        try buildFixture(into: temporary.url.appendingPathComponent("site"))
        let page = try temporary.text("site/02-vae-loss.html")
        // The cell's caption= replaces the step's caption of the cell's first figure.
        #expect(page.contains("<span class=\"figure-number\">Figure 2.1:</span> Loss per epoch: reconstruction and KL terms"))
        #expect(page.contains("<span class=\"figure-number\">Figure 2.2:</span> Sixteen decoded samples"))
        #expect(page.contains("alt=\"Sixteen blurry ring-shaped images decoded from random codes.\""))
        let first = try temporary.text("site/01-codes.html")
        // Without a step's alt text, the caption describes the figure.
        #expect(first.contains("alt=\"Two-dimensional codes drawn from the prior\""))
    }

    @Test func cellsShowTimingCacheStatusAndReproduceCommand() throws {
        let temporary = try TemporaryFolder()
        try buildFixture(into: temporary.url.appendingPathComponent("site"))
        let page = try temporary.text("site/02-vae-loss.html")
        #expect(page.contains("<span class=\"cell-status\">Ran in 1 min 23 s</span>"))
        #expect(page.contains("<span class=\"cell-status\">From the cache; ran in 0.90 s</span>"))
        #expect(page.contains("<code>course run 2 --cell samples --fresh</code>"))
        #expect(page.contains("Lessons/02-vae-loss.md:62:1: error: training diverged at epoch 1: the loss became NaN"))
        #expect(page.contains("Not run: it needs cell <a href=\"#diverge\">diverge</a>, which failed"))
        #expect(CellRenderer.duration(0.0421) == "0.04 s")
        #expect(CellRenderer.duration(7200) == "2 h 00 min")
    }

    @Test func existingSiteIsReplacedWhole() throws {
        let temporary = try TemporaryFolder()
        let site = temporary.url.appendingPathComponent("site")
        try buildFixture(into: site)
        try Data("stale".utf8).write(to: site.appendingPathComponent("old-page.html"))
        try buildFixture(into: site)
        #expect(!FileManager.default.fileExists(atPath: site.appendingPathComponent("old-page.html").path))
        #expect(try FileManager.default.contentsOfDirectory(atPath: temporary.url.path) == ["site"])
    }

    @Test func failedWriteLeavesPreviousSiteUntouched() throws {
        let temporary = try TemporaryFolder()
        let site = temporary.url.appendingPathComponent("site")
        try buildFixture(into: site)
        let before = try snapshot(site)

        var builder = SiteBuilder(course: CourseInfo(title: "Changed", subtitle: "Changed"), repositoryRoot: FixtureCourse.root)
        builder.writer.afterWritingFile = { path in
            if path.hasPrefix("figures/") { throw CocoaError(.fileWriteOutOfSpace) }
        }
        #expect(throws: SiteError.self) { try builder.build(lessons: try FixtureCourse.executedLessons(), into: site) }
        #expect(try snapshot(site) == before)
        // The temporary folder is gone too.
        #expect(try FileManager.default.contentsOfDirectory(atPath: temporary.url.path) == ["site"])
    }

    @Test func lessonErrorsWriteNothing() throws {
        let temporary = try TemporaryFolder()
        let site = temporary.url.appendingPathComponent("site")
        try buildFixture(into: site)
        let before = try snapshot(site)
        var lessons = try FixtureCourse.executedLessons()
        // An image the site cannot carry (it is not there): an error of the lesson's, at its block.
        let range = SourceRange(file: "Lessons/02-vae-loss.md", startLine: 90, startColumn: 1, endLine: 90, endColumn: 20)
        lessons[1].lesson.blocks.append(.paragraph([.image(source: "missing.png", title: nil, alt: [.text("gone")])], range: range))
        #expect(throws: DiagnosticError.self) {
            try SiteBuilder(course: FixtureCourse.info, repositoryRoot: FixtureCourse.root).build(lessons: lessons, into: site)
        }
        #expect(try snapshot(site) == before)
    }

    @Test func refusesToReplaceAFolderItDidNotWrite() throws {
        let temporary = try TemporaryFolder()
        let folder = temporary.url.appendingPathComponent("Sources")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data("keep me".utf8).write(to: folder.appendingPathComponent("main.swift"))
        let error = #expect(throws: SiteError.self) { try buildFixture(into: folder) }
        #expect(error?.message.contains("is not a site written by course build") == true)
        #expect(try temporary.text("Sources/main.swift") == "keep me")
    }

    @Test func lessonsWithTheSamePageNameAreRejected() throws {
        let lessons = try FixtureCourse.executedLessons()
        var copy = lessons[1]
        copy.lesson.path = "Other/02-vae-loss.md"
        let error = #expect(throws: DiagnosticError.self) {
            try SiteBuilder(course: FixtureCourse.info).render(lessons: lessons + [copy])
        }
        #expect(error?.description == "Other/02-vae-loss.md: error: lesson page '02-vae-loss.html' is also the page of 'Lessons/02-vae-loss.md'\n  hint: give each lesson a distinct file name")
    }

    /// Every file under `folder` with its contents.
    private func snapshot(_ folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for path in try FileManager.default.subpathsOfDirectory(atPath: folder.path) {
            var isFolder: ObjCBool = false
            let url = folder.appendingPathComponent(path)
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), !isFolder.boolValue {
                files[path] = try Data(contentsOf: url)
            }
        }
        return files
    }
}
