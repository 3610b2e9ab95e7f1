import Figures
import Outputs

/// Shows the first `count` images of a set, labelled with their classes.
public func showImages(_ images: ImageSet, count: Int = 16) {
    let shown = min(count, images.count)
    let pixels = images.dataset.prefix(shown).pixels
    let labels = images.dataset.labels[0..<shown].map { images.dataset.classNames[$0] }
    Display.show(.imageGrid(
        ImageGrid(pixels: pixels, imageRows: images.dataset.rows, imageColumns: images.dataset.columns, gridColumns: 8, labels: labels),
        caption: "The first \(shown) images of the set, with their classes",
        altText: "A grid of \(shown) small grayscale clothing images: \(Set(labels).sorted().joined(separator: ", "))"
    ))
}
