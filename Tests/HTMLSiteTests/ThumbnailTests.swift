import Testing
@testable import HTMLSite
import LessonModel

/// Which figure a lesson's card in the site index shows.
@Suite struct ThumbnailTests {
    /// A lesson whose first figure is a grid of real images and whose point is a grid of
    /// generated ones, like the GAN lesson; `thumbnail` is its front matter line, if any.
    private func markdown(thumbnail: String?) -> String {
        """
        ---
        title: Cards
        summary: Which figure stands for a lesson.
        \(thumbnail.map { "thumbnail: \($0)\n" } ?? "")---

        ```swift cell id=data
        showImages(data.train, count: 8)
        ```

        ```swift cell id=train
        let gan = trainGAN(on: data, epochs: 1)
        ```

        ```swift cell id=samples
        showGANSamples(gan, count: 8)
        ```
        """
    }

    private let results = [
        InMemorySite.ran("data", [InMemorySite.grid(count: 8, columns: 8)]),
        InMemorySite.ran("train", [.chart(.line(FixtureCourse.lossChart), caption: "", altText: "")]),
        InMemorySite.ran("samples", [InMemorySite.grid(count: 8, columns: 8)]),
    ]

    private func cardImage(thumbnail: String?, results: [ExecutedCell]) throws -> String? {
        let index = try InMemorySite.file("index.html", markdown: markdown(thumbnail: thumbnail), lessonPath: "Lessons/04-cards.md", cells: results)
        guard let start = index.range(of: "<span class=\"card-thumb\"><img src=\"") else { return nil }
        return String(index[start.upperBound...].prefix { $0 != "\"" })
    }

    @Test func theFrontMatterNamesTheCellWhoseFigureTheCardShows() throws {
        #expect(try cardImage(thumbnail: "samples", results: results) == "figures/04-cards-samples-1.png")
        // A chart can be chosen too.
        #expect(try cardImage(thumbnail: "train", results: results) == "figures/04-cards-train-1.svg")
    }

    @Test func withoutAChoiceTheCardShowsTheFirstImageGrid() throws {
        #expect(try cardImage(thumbnail: nil, results: results) == "figures/04-cards-data-1.png")
        #expect(try cardImage(thumbnail: nil, results: [results[1]]) == "figures/04-cards-train-1.svg")
        #expect(try cardImage(thumbnail: nil, results: []) == nil)
    }

    @Test func aChosenCellThatShowedNoFigureFallsBackToTheFirstImageGrid() throws {
        let failed = ExecutedCell(cellID: "samples", status: .failed(.error(at: SourceLocation(file: "Lessons/04-cards.md", line: 16, column: 1), "boom")),
                                  outputs: [], seconds: 1, cacheKey: "")
        #expect(try cardImage(thumbnail: "samples", results: [results[0], results[1], failed]) == "figures/04-cards-data-1.png")
    }
}
