import Datasets
import NeuralNetworks

/// A dataset's training and test splits: what `fashionMNIST()` returns.
public final class CourseData: CellObject {
    public static let typeName = "CourseData"

    /// The training images (limited to the requested count).
    public let train: ImageSet
    /// The 10,000 test images.
    public let test: ImageSet
    /// The files' identity, part of every cache key that depends on the data.
    public let identity: DatasetIdentity

    init(train: ImageSet, test: ImageSet, identity: DatasetIdentity) {
        self.train = train
        self.test = test
        self.identity = identity
    }

    /// The class names, such as "Sneaker".
    public var classNames: [String] { train.dataset.classNames }

    public var summary: String { "\(train.count) training and \(test.count) test images" }

    public func checkpoint() -> Safetensors {
        var checkpoint = train.checkpoint()
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

/// Loads Fashion-MNIST (from the Debian package `dataset-fashion-mnist`, or the folder in
/// `COURSE_DATA_DIR`), keeping the first `trainingLimit` training images.
public func fashionMNIST(trainingLimit: Int = 60_000) throws -> CourseData {
    let folder = MNISTFolder()
    let splits = try folder.load(trainingLimit: trainingLimit)
    return CourseData(
        train: ImageSet(dataset: splits.train, origin: .init(folder: folder.path, split: "train", limit: trainingLimit)),
        test: ImageSet(dataset: splits.test, origin: .init(folder: folder.path, split: "test")),
        identity: splits.identity
    )
}
