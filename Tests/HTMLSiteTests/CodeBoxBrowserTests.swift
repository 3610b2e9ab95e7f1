import TestSupport
import Foundation
import Testing

/// Code boxes in headless Chromium, on a phone and on a desktop screen.
@Suite struct CodeBoxBrowserTests {
    /// What the page below measures, as JSON.
    private struct Layout: Decodable {
        /// The document's scrolling width and the viewport's width.
        var pageWidth: Double
        var viewportWidth: Double
        /// The classes of `pre` boxes that stick out of their container.
        var widerThanContainer: [String]
        /// How many code boxes there are, and the start of those that hide part of a line.
        var codeBoxes: Int
        var hidingText: [String]
        /// How many source lines wrapped, those whose continuation rows do not start right of
        /// the line's own first character, and those whose first row is only indentation.
        var wrappedLines: Int
        var unmarkedContinuations: [String]
        var blankFirstRows: [String]
        /// Code boxes whose selected text differs from their source.
        var copiedDifferently: [String]
    }

    private static let measure = """
    (() => {
      // Measure the code in exercises' answers too, as a reader sees it once opened.
      for (const answer of document.querySelectorAll('details')) answer.open = true;
      const root = document.documentElement;
      const layout = { pageWidth: root.scrollWidth, viewportWidth: root.clientWidth, widerThanContainer: [], codeBoxes: 0,
                       hidingText: [], wrappedLines: 0, unmarkedContinuations: [], blankFirstRows: [], copiedDifferently: [] };
      for (const pre of document.querySelectorAll('pre')) {
        const box = pre.getBoundingClientRect(), container = pre.parentElement.getBoundingClientRect();
        if (box.left < container.left - 0.5 || box.right > container.right + 0.5) layout.widerThanContainer.push(pre.className);
      }
      for (const pre of document.querySelectorAll('pre.hl')) {
        layout.codeBoxes += 1;
        if (pre.scrollWidth > pre.clientWidth) layout.hidingText.push(pre.textContent.slice(0, 40));
        const selection = getSelection();
        selection.selectAllChildren(pre);
        if (selection.toString() !== pre.textContent) layout.copiedDifferently.push(pre.textContent.slice(0, 40));
        selection.removeAllRanges();
        for (const line of pre.querySelectorAll('.line')) {
          const range = document.createRange();
          range.selectNodeContents(line);
          const rects = Array.from(range.getClientRects()).filter(r => r.width > 0);
          if (rects.length === 0) continue;
          const firstRowTop = Math.min(...rects.map(r => r.top));
          const continuations = rects.filter(r => r.top > firstRowTop + 2);
          if (continuations.length === 0) continue;
          layout.wrappedLines += 1;
          // Where the line's text starts: its first character that is not indentation.
          const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
          let textStart = null;
          while (textStart === null && walker.nextNode()) {
            const index = walker.currentNode.data.search(/[^ \\t]/);
            if (index >= 0) {
              const character = document.createRange();
              character.setStart(walker.currentNode, index);
              character.setEnd(walker.currentNode, index + 1);
              textStart = character.getBoundingClientRect();
            }
          }
          if (textStart.top > firstRowTop + 2) layout.blankFirstRows.push(line.textContent.slice(0, 40));
          if (continuations.some(r => r.left <= textStart.left + 1)) layout.unmarkedContinuations.push(line.textContent.slice(0, 40));
        }
      }
      return JSON.stringify(layout);
    })()
    """

    /// Measures `url` in Chromium at a viewport `width` pixels wide.
    private func layout(of url: URL, width: Int, mobile: Bool, chromium: String) throws -> Layout {
        let browser = try ChromiumSession(executable: chromium)
        let tab = try browser.open(url.absoluteString, width: width, height: 900, mobile: mobile)
        let json = try #require(try browser.evaluate(Self.measure, in: tab) as? String)
        return try JSONDecoder().decode(Layout.self, from: Data(json.utf8))
    }

    /// The fixture's included code has a line of 119 characters, longer than the column on any
    /// screen: it must show whole inside its box, its continuation rows hung past its
    /// indentation, and the page must never scroll sideways.
    @Test(arguments: [(width: 390, mobile: true), (width: 1280, mobile: false)])
    func longLinesWrapInsideTheirBoxWithoutWideningThePage(width: Int, mobile: Bool) throws {
        guard let chromium = ExternalTool.chromium(for: "the code box test") else { return }
        let temporary = try TemporaryFolder()
        let site = try ExternalTool.buildFixtureSite(in: temporary)
        let layout = try layout(of: site.appendingPathComponent("02-vae-loss.html"), width: width, mobile: mobile, chromium: chromium)

        #expect(layout.pageWidth <= layout.viewportWidth, "the page scrolls sideways at \(width) px")
        #expect(layout.widerThanContainer.isEmpty, "boxes wider than their container at \(width) px: \(layout.widerThanContainer)")
        #expect(layout.codeBoxes >= 4)
        #expect(layout.hidingText.isEmpty, "code boxes hiding part of a line at \(width) px: \(layout.hidingText)")
        #expect(layout.wrappedLines >= 1, "no line wrapped at \(width) px, so nothing was checked")
        #expect(layout.unmarkedContinuations.isEmpty, "continuation rows not hung past their line's text: \(layout.unmarkedContinuations)")
        #expect(layout.blankFirstRows.isEmpty, "lines that wrapped after their indentation: \(layout.blankFirstRows)")
        #expect(layout.copiedDifferently.isEmpty, "code boxes whose copied text is not their source: \(layout.copiedDifferently)")
    }

    /// On paper nothing scrolls: every text box, code or output, wraps its long lines, and the
    /// included code as the cells' code does.
    @Test func printedBoxesWrapEveryLine() throws {
        guard let chromium = ExternalTool.chromium(for: "the code box test") else { return }
        let temporary = try TemporaryFolder()
        let site = try ExternalTool.buildFixtureSite(in: temporary)
        let browser = try ChromiumSession(executable: chromium)
        let tab = try browser.open(site.appendingPathComponent("02-vae-loss.html").absoluteString, width: 480, height: 900)
        try browser.send("Emulation.setEmulatedMedia", ["media": "print"], session: tab.session)
        // A cell's text output with a long word, such as a file's path, beside the included code.
        _ = try browser.evaluate("""
            document.querySelector('.include').insertAdjacentHTML('afterend',
              '<pre class="output-text">/tmp/' + 'figures-of-a-long-run/'.repeat(12) + 'samples.png</pre>')
            """, in: tab)
        let json = try #require(try browser.evaluate("""
            JSON.stringify(Array.from(document.querySelectorAll('pre'))
              .filter(pre => pre.scrollWidth > pre.clientWidth + 1 || pre.getBoundingClientRect().right > pre.parentElement.getBoundingClientRect().right + 0.5)
              .map(pre => pre.className + ': ' + pre.textContent.slice(0, 40)))
            """, in: tab) as? String)
        let overflowing = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String])
        #expect(overflowing.isEmpty, "boxes whose text runs past their edge in print: \(overflowing)")
        #expect(try browser.evaluate("document.querySelectorAll('.include pre.hl').length", in: tab) as? Int ?? 0 >= 1)
    }

    /// A deeply indented line whose first word is longer than the rest of a phone's row still
    /// starts on its first row, and a line indented with tabs hangs its continuation past them.
    @Test func deepIndentationNeverLeavesABlankRow() throws {
        guard let chromium = ExternalTool.chromium(for: "the code box test") else { return }
        let markdown = """
        ---
        title: Indentation
        summary: Deeply indented code on a phone.
        ---

        ```swift
        if backward {
            if beta != 1 {
                workspace.logVarianceGradient.scale(by: beta)
            }
        }
        \t\tworkspace.logVarianceGradient.scale(by: beta, andAlsoByTheFactorThatFollows: 2)
        ```
        """
        let temporary = try TemporaryFolder()
        let site = temporary.url.appendingPathComponent("site")
        try InMemorySite.build(markdown: markdown, lessonPath: "Lessons/07-indentation.md", cells: [], into: site)
        let layout = try layout(of: site.appendingPathComponent("07-indentation.html"), width: 390, mobile: true, chromium: chromium)

        #expect(layout.wrappedLines >= 2, "the lines did not wrap, so nothing was checked")
        #expect(layout.blankFirstRows.isEmpty, "lines that wrapped after their indentation: \(layout.blankFirstRows)")
        #expect(layout.unmarkedContinuations.isEmpty, "continuation rows not hung past their line's text: \(layout.unmarkedContinuations)")
        #expect(layout.hidingText.isEmpty && layout.copiedDifferently.isEmpty)
    }
}
