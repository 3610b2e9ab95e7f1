import Datasets
import Figures
import Outputs

/// Loads Fashion-MNIST: training and test images with their labels.
///
/// Reads the files (from the Debian package `dataset-fashion-mnist`, or the folder in
/// `COURSE_DATA_DIR`), keeping the first `trainingLimit` training images.
///
/// - Parameter trainingLimit: how many training images to keep
public func fashionMNIST(trainingLimit: Int = 60_000) throws -> CourseData {
    try checkArgument(trainingLimit, in: 1...60_000, label: "trainingLimit")
    let folder = MNISTFolder()
    let splits = try folder.load(trainingLimit: trainingLimit)
    return CourseData(
        train: ImageSet(dataset: splits.train, origin: .init(folder: folder.path, split: "train", limit: trainingLimit)),
        test: ImageSet(dataset: splits.test, origin: .init(folder: folder.path, split: "test")),
        identity: splits.identity
    )
}

extension CourseData {
    /// The training images.
    public var train: ImageSet { trainingImages }

    /// The 10,000 test images.
    public var test: ImageSet { testImages }
}

/// Shows the first images of a set with their classes.
///
/// - Parameter images: the images
/// - Parameter count: how many to show
public func showImages(_ images: ImageSet, count: Int = 16) throws {
    try checkArgument(count, in: 1...256, label: "count")
    let shown = min(count, images.count)
    let pixels = images.dataset.prefix(shown).pixels
    let labels = images.dataset.labels[0..<shown].map { images.dataset.classNames[$0] }
    Display.show(.imageGrid(
        ImageGrid(pixels: pixels, imageRows: images.dataset.rows, imageColumns: images.dataset.columns, gridColumns: 8, labels: labels),
        caption: "The first \(shown) images of the set, with their classes",
        altText: "A grid of \(shown) small grayscale clothing images: \(Set(labels).sorted().joined(separator: ", "))"
    ))
}
