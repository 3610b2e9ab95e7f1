import Datasets
import NeuralNetworks

/// A dataset's training and test splits: what `fashionMNIST()` returns. Cells read the
/// splits as `data.train` and `data.test` (declared in `Steps/Data.swift`).
public final class CourseData: LoadedData {
    public static let typeName = "CourseData"

    /// The training images (limited to the requested count).
    let trainingImages: ImageSet
    /// The test images.
    let testImages: ImageSet
    /// The files' identity, part of every cache key that depends on the data.
    public let identity: DatasetIdentity

    init(train: ImageSet, test: ImageSet, identity: DatasetIdentity) {
        self.trainingImages = train
        self.testImages = test
        self.identity = identity
    }

    /// The four files of the data folder `fashionMNIST()` reads.
    public static var sourceFiles: [String] { MNISTFolder().filePaths }

    /// The identity of those files' stored bytes.
    public static func sourceIdentity() throws -> String { try MNISTFolder().identity().description }

    /// The class names, such as "Sneaker".
    public var classNames: [String] { trainingImages.dataset.classNames }

    public var summary: String { "\(trainingImages.count) training and \(testImages.count) test images" }

    public func checkpoint() -> Safetensors {
        var checkpoint = trainingImages.checkpoint()
        checkpoint.metadata["identity"] = identity.description
        return checkpoint
    }

    public static func restore(from checkpoint: Safetensors) throws -> CourseData {
        let train = try ImageSet.restore(from: checkpoint)
        let folder = MNISTFolder(path: train.origin.folder)
        let splits = try folder.load(trainingLimit: train.origin.limit)
        return CourseData(
            train: train,
            test: ImageSet(dataset: splits.test, origin: .init(folder: train.origin.folder, split: "test")),
            identity: splits.identity
        )
    }
}
