import TestSupport
import Foundation
import LessonModel
import LessonParser
import Testing
@testable import HTMLSite

/// The site's search, used as a reader uses it, in headless Chromium from `file://`: on the
/// course's real lessons (parsed, not run: the index is made of their prose).
@Suite struct SearchBrowserTests {
    /// The repository's lessons, parsed, with no cell run.
    static func realLessons() throws -> [ExecutedLesson] {
        let root = PackageRoot.url
        let names = try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("Lessons").path)
            .filter { $0.hasSuffix(".md") }.sorted()
        let parser = LessonParser(repositoryRoot: root.path)
        return try names.map { ExecutedLesson(lesson: try parser.parse(fileAt: "Lessons/" + $0).lesson, cells: []) }
    }

    /// Presses `/` on the home page, types "discriminator" and reads the results: they are the
    /// sections of lessons 4 and 5 (and any other lesson whose prose says the word), each
    /// linking to a heading that exists on its page; ↓ selects the first, Escape closes them.
    @Test func searchingForDiscriminatorFromTheHomePageListsTheGANLessons() throws {
        guard let chromium = ExternalTool.chromium(for: "the search browser test") else { return }
        let temporary = try TemporaryFolder()
        let site = temporary.url.appendingPathComponent("site")
        let lessons = try Self.realLessons()
        try SiteBuilder(course: CourseInfo(title: "Codes from Probability Distributions", subtitle: ""), repositoryRoot: PackageRoot.url)
            .build(lessons: lessons, into: site)

        let browser = try ChromiumSession(executable: chromium)
        let tab = try browser.open(site.appendingPathComponent("index.html").resolvingSymlinksInPath().absoluteString,
                                   domains: ["Page", "Runtime"])
        #expect(try browser.evaluate("document.querySelector('.search-results').hidden", in: tab) as? Bool == true)
        try press("/", code: "Slash", keyCode: 191, text: "/", in: tab, of: browser)
        #expect(try browser.evaluate("document.activeElement.className", in: tab) as? String == "search-input")
        try browser.send("Input.insertText", ["text": "discriminator"], session: tab.session)

        let hrefs = try #require(try browser.evaluate(
            "Array.from(document.querySelectorAll('.search-results a'), a => a.getAttribute('href'))", in: tab) as? [String])
        let pages = Set(hrefs.map { String($0.split(separator: "#", maxSplits: 1)[0]) })
        #expect(pages.isSuperset(of: ["04-gans.html", "05-training-gans.html"]), "\(hrefs)")
        // Exactly the lessons whose prose has the word, whatever the order of the results.
        let saying = Set(lessons.filter { lesson in
            SearchIndex.sections(of: lesson).contains { ($0.heading + " " + $0.text).localizedCaseInsensitiveContains("discriminator") }
        }.map { LessonLink($0.lesson).page })
        #expect(pages == saying)
        // Every result leads to a heading of its page: the page has an element with that id.
        for href in hrefs {
            let parts = href.split(separator: "#", maxSplits: 1).map(String.init)
            guard parts.count == 2 else { continue }
            let page = try String(contentsOf: site.appendingPathComponent(parts[0]), encoding: .utf8)
            #expect(page.contains(" id=\"\(parts[1])\""), "\(href) names no element of its page")
        }
        let snippet = try browser.evaluate("document.querySelector('.search-results mark').textContent.toLowerCase()", in: tab) as? String
        #expect(snippet == "discriminator")

        try press("ArrowDown", code: "ArrowDown", keyCode: 40, in: tab, of: browser)
        #expect(try browser.evaluate("document.querySelector('.search-results li').getAttribute('aria-selected')", in: tab) as? String == "true")
        try press("Escape", code: "Escape", keyCode: 27, in: tab, of: browser)
        #expect(try browser.evaluate("document.querySelector('.search-results').hidden", in: tab) as? Bool == true)
        try browser.close(tab)
    }

    /// Presses and releases one key in `tab`.
    private func press(_ key: String, code: String, keyCode: Int, text: String? = nil, in tab: ChromiumSession.Tab, of browser: ChromiumSession) throws {
        var down: [String: Any] = ["type": text == nil ? "rawKeyDown" : "keyDown", "key": key, "code": code, "windowsVirtualKeyCode": keyCode]
        if let text { down["text"] = text }
        try browser.send("Input.dispatchKeyEvent", down, session: tab.session)
        try browser.send("Input.dispatchKeyEvent", ["type": "keyUp", "key": key, "code": code, "windowsVirtualKeyCode": keyCode], session: tab.session)
    }
}
