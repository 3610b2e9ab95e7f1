@testable import HTMLSite
import TestSupport
import Foundation
import Testing

/// Exercises' answers in headless Chromium: closed on screen until the reader opens one, with
/// no JavaScript of the page's own, and printed open.
@Suite struct AnswerBrowserTests {
    /// For each answer of the page: whether its first paragraph is rendered (not in a closed
    /// `details`, whose content Chromium skips with `content-visibility: hidden`).
    private static let answersShown = """
        JSON.stringify(Array.from(document.querySelectorAll('details.answer'))
          .map(answer => answer.querySelector(':scope > :not(summary)').checkVisibility()))
        """

    private func shown(in tab: ChromiumSession.Tab, of browser: ChromiumSession) throws -> [Bool] {
        let json = try #require(try browser.evaluate(Self.answersShown, in: tab) as? String)
        return try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [Bool])
    }

    @Test func answersAreClosedOnScreenOpenWhenAskedForAndPrintedOpen() throws {
        guard let chromium = ExternalTool.chromium(for: "the answer test") else { return }
        let temporary = try TemporaryFolder()
        let site = try ExternalTool.buildFixtureSite(in: temporary)
        let page = site.appendingPathComponent("02-vae-loss.html")
        let html = try String(contentsOf: page, encoding: .utf8)
        #expect(!html.replacingOccurrences(of: SiteSearch.scripts, with: "").contains("<script"),
                "answers need no JavaScript: the page's only scripts are the search's")

        let browser = try ChromiumSession(executable: chromium)
        let tab = try browser.open(page.absoluteString, width: 1280, height: 900)
        let before = try shown(in: tab, of: browser)
        #expect(before == [false, false], "answers are hidden until asked for: \(before)")
        _ = try browser.evaluate("document.querySelector('details.answer > summary').click()", in: tab)
        #expect(try shown(in: tab, of: browser) == [true, false], "clicking an answer's summary opens that answer only")
        _ = try browser.evaluate("document.querySelector('details.answer > summary').click()", in: tab)
        #expect(try shown(in: tab, of: browser) == [false, false], "and clicking again closes it")

        try browser.send("Emulation.setEmulatedMedia", ["media": "print"], session: tab.session)
        #expect(try shown(in: tab, of: browser) == [true, true], "paper shows every answer")
    }
}
