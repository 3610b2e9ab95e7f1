import TestSupport
import Foundation
import Testing

/// `\big(` and its kin in headless Chromium: taller than a plain delimiter, yet no wider than
/// TeX draws them, so they sit against what they enclose as a plain one does.
@Suite struct SizedDelimiterBrowserTests {
    private static let markdown = #"""
    ---
    title: Delimiters
    summary: Plain and sized delimiters side by side.
    ---

    $$f(x + 1)$$

    $$f\big(x + 1\big)$$

    $$f\Big(x + 1\Big)$$

    $$f\bigl(x + 1\bigr)$$

    $$f[x + 1]$$

    $$f\bigl[x + 1\bigr]$$
    """#

    @Test func sizedDelimitersAreTallerButNotSetApart() throws {
        guard let chromium = ExternalTool.chromium(for: "the sized delimiter test") else { return }
        let temporary = try TemporaryFolder()
        let site = temporary.url.appendingPathComponent("site")
        try InMemorySite.build(markdown: Self.markdown, lessonPath: "Lessons/06-delimiters.md", cells: [], into: site)

        let browser = try ChromiumSession(executable: chromium)
        let tab = try browser.open(site.appendingPathComponent("06-delimiters.html").absoluteString)
        // Each formula's opening delimiter: the box's width and height in CSS pixels.
        let json = try #require(try browser.evaluate("""
            JSON.stringify(Array.from(document.querySelectorAll('.math-display math'), math => {
              const open = Array.from(math.querySelectorAll('mo')).find(mo => ['(', '['].includes(mo.textContent));
              const box = open.getBoundingClientRect();
              return [box.width, box.height];
            }))
            """, in: tab) as? String)
        let boxes = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[Double]])
        try #require(boxes.count == 6)
        let (parenthesis, bracket) = (boxes[0], boxes[4])
        // TeX's \big( is 1.18 times as wide as its (, \Big( 1.53 times; \big[ 1.19 times its [.
        for (name, box, plain, widest) in [("\\big(", boxes[1], parenthesis, 1.35), ("\\Big(", boxes[2], parenthesis, 1.75),
                                             ("\\bigl(", boxes[3], parenthesis, 1.35), ("\\bigl[", boxes[5], bracket, 1.35)] {
            #expect(box[1] >= plain[1] * 1.15, "\(name) is \(box[1]) px tall, the plain delimiter \(plain[1]) px")
            #expect(box[0] <= plain[0] * widest, "\(name) is \(box[0]) px wide, the plain delimiter \(plain[0]) px")
        }
    }

    /// `\left(` takes the size TeX would: around `x + 1` as narrow as a plain parenthesis (a
    /// stretchy one was 0.875 em wide, 2.2 times as wide), around an inline fraction `\big`'s.
    @Test func leftAndRightAreNoWiderThanTheSizeTeXChooses() throws {
        guard let chromium = ExternalTool.chromium(for: "the sized delimiter test") else { return }
        let markdown = #"""
        ---
        title: Fences
        summary: Delimiters sized for what they enclose.
        ---

        $$f(x + 1)$$

        $$f\left(x + 1\right)$$

        Inline, $f\left(\frac{a}{2\pi}\right)$ and $f\big(x\big)$.
        """#
        let temporary = try TemporaryFolder()
        let site = temporary.url.appendingPathComponent("site")
        try InMemorySite.build(markdown: markdown, lessonPath: "Lessons/08-fences.md", cells: [], into: site)
        let browser = try ChromiumSession(executable: chromium)
        let tab = try browser.open(site.appendingPathComponent("08-fences.html").absoluteString)
        let json = try #require(try browser.evaluate("""
            JSON.stringify(Array.from(document.querySelectorAll('math'), math => {
              const box = Array.from(math.querySelectorAll('mo')).find(mo => mo.textContent === '(').getBoundingClientRect();
              return [box.width, box.height];
            }))
            """, in: tab) as? String)
        let boxes = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[Double]])
        try #require(boxes.count == 4)
        #expect(abs(boxes[1][0] - boxes[0][0]) < 0.5, "\\left( around x + 1 is \(boxes[1][0]) px wide, a plain ( \(boxes[0][0]) px")
        #expect(abs(boxes[2][0] - boxes[3][0]) < 0.5 && abs(boxes[2][1] - boxes[3][1]) < 0.5,
                "\\left( around an inline fraction is \(boxes[2]), \\big( \(boxes[3])")
    }
}
