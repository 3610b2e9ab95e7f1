import Testing
@testable import HTMLSite

/// The sentence a grid's caption adds for the labels the terminal prints under its images.
@Suite struct FigureLabelTests {
    private static let markdown = """
    ---
    title: Labels
    summary: Image grids with labels.
    ---

    ```swift cell id=grid caption="Samples"
    showSamples(vae, count: 6)
    ```
    """

    /// The caption of the grid shown with `labels`, `columns` images to a row.
    private func caption(labels: [String], columns: Int) throws -> String {
        let page = try InMemorySite.file("05-labels.html", markdown: Self.markdown, lessonPath: "Lessons/05-labels.md", cells: [
            InMemorySite.ran("grid", [InMemorySite.grid(count: labels.count, columns: columns, labels: labels)]),
        ])
        let start = try #require(page.range(of: "<figcaption>"))
        let end = try #require(page.range(of: "</figcaption>", range: start.upperBound..<page.endIndex))
        return String(page[start.upperBound..<end.lowerBound])
    }

    @Test func labelsOnTheFirstImageOfEachRowNameTheRows() throws {
        // As the GAN's snapshots per epoch are labelled: one row per epoch.
        let caption = try caption(labels: ["epoch 1", "", "", "epoch 2", "", "", "epoch 3", "", ""], columns: 3)
        #expect(caption.hasSuffix("<span class=\"figure-labels\">Rows from top to bottom: epoch 1, epoch 2, epoch 3.</span>"))
        #expect(!caption.contains(", ,"))
    }

    @Test func aGridWhoseLabelsAreAllEmptyGetsNoSentence() throws {
        let caption = try caption(labels: ["", " ", ""], columns: 3)
        #expect(caption == "<span class=\"figure-number\">Figure 5.1:</span> Samples")
    }

    @Test func scatteredLabelsNameTheirImagesPositions() throws {
        let caption = try caption(labels: ["", "Bag", "", "Coat", "", ""], columns: 3)
        #expect(caption.hasSuffix("<span class=\"figure-labels\">Image 2: Bag; image 4: Coat.</span>"))
    }

    @Test func labelsOfEveryImageAreListedInReadingOrder() throws {
        let caption = try caption(labels: ["Bag", "Coat", "Shirt", "Dress"], columns: 2)
        #expect(caption.hasSuffix("<span class=\"figure-labels\">Images in reading order: Bag, Coat, Shirt, Dress.</span>"))
    }
}
