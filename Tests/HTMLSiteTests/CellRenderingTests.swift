import Figures
import Foundation
import LessonModel
import Outputs
import Testing
@testable import HTMLSite

@Suite struct CellRenderingTests {
    private static let markdown = """
    ---
    title: Cells
    summary: Cell states.
    ---

    ```swift cell id=quiet hidden caption="A hidden cell's figure"
    showSamples(vae, count: 4)
    ```

    ```swift cell id=pending
    showReconstructions(vae, count: 4)
    ```

    ```swift cell id=stopped
    trainVAE(on: data, epochs: 50)
    ```
    """

    private func page(_ cells: [ExecutedCell]) throws -> String {
        try InMemorySite.file("05-cells.html", markdown: Self.markdown, lessonPath: "Lessons/05-cells.md", cells: cells)
    }

    @Test func hiddenCellsShowTheirOutputsButNotTheirCode() throws {
        let grid = ImageGrid(pixels: [0, 1, 1, 0], imageRows: 2, imageColumns: 2)
        let html = try page([
            ExecutedCell(cellID: "quiet", status: .ran, outputs: [.imageGrid(grid, caption: "", altText: "")], seconds: 0.5,
                         cacheKey: "k"),
        ])
        #expect(!html.contains("showSamples"))
        #expect(html.contains("<div class=\"cell\" id=\"quiet\">"))
        #expect(html.contains("<span class=\"figure-number\">Figure 5.1:</span> A hidden cell's figure"))
    }

    @Test func cellsWithoutResultsAndInterruptedCellsSaySo() throws {
        let html = try page([
            ExecutedCell(cellID: "stopped", status: .interrupted, outputs: [], seconds: 12.5, cacheKey: ""),
        ])
        #expect(html.contains("<div class=\"cell cell-not-run\" id=\"pending\">"))
        #expect(html.contains("<span class=\"cell-status\">Not run in this build</span>"))
        #expect(html.contains("<span class=\"cell-status\">Interrupted after 12.5 s</span> <span class=\"cell-reproduce\">Reproduce: <code>course run 5 --cell stopped --fresh</code></span></p>"))
    }
}
