import Figures
import Outputs
import TestSupport
import Testing
@testable import HTMLSite

/// A small-multiples chart on a page: its own SVG file, shown at the chart's size with the
/// cell's caption and the step's text alternative.
@Suite struct SmallMultiplesFigureTests {
    private static let markdown = """
    ---
    title: Ring
    summary: A GAN on points in the plane.
    ---

    ```swift cell id=ring caption="The game on a ring"
    trainRingGAN(on: ring, steps: 100)
    ```
    """

    @Test func theFigureIsTheChartsSVGAtItsSize() throws {
        let chart = SampleCharts.panels
        let cells = [InMemorySite.ran("ring", [.chart(.smallMultiples(chart), caption: "", altText: "Two panels of points")])]
        let page = try InMemorySite.file("05-ring.html", markdown: Self.markdown, lessonPath: "Lessons/05-ring.md", cells: cells)
        #expect(page.contains("src=\"figures/05-ring-ring-1.svg\""))
        #expect(page.contains("width=\"\(chart.width)\" height=\"\(chart.height)\""))
        #expect(page.contains("alt=\"Two panels of points\""))
        #expect(page.contains("The game on a ring"))
        let svg = try InMemorySite.file("figures/05-ring-ring-1.svg", markdown: Self.markdown, lessonPath: "Lessons/05-ring.md", cells: cells)
        #expect(svg == chart.svg(description: "Two panels of points"))
    }
}
