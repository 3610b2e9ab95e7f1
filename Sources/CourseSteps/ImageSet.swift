import Datasets
import Foundation
import NeuralNetworks
import Tensors

/// A set of labelled images (a split of a dataset) that cells pass to steps: `data.test`.
public final class ImageSet: CellObject {
    public static let typeName = "ImageSet"

    /// The images, labels and class names.
    public let dataset: ImageDataset
    /// Which data it came from, so a checkpoint can reload it instead of storing it.
    let origin: Origin

    struct Origin: Codable, Equatable {
        var folder: String
        var split: String
        var limit: Int?
    }

    init(dataset: ImageDataset, origin: Origin) {
        self.dataset = dataset
        self.origin = origin
    }

    /// The images as a [count, pixels] tensor of values in [0, 1], built on first use.
    public private(set) lazy var images: Tensor = dataset.imageTensor()

    /// The number of images.
    public var count: Int { dataset.count }

    public var summary: String { "\(dataset.count) images (\(origin.split))" }

    public func checkpoint() -> Safetensors {
        var checkpoint = Safetensors()
        checkpoint.setMetadata("origin", to: origin)
        return checkpoint
    }

    public static func restore(from checkpoint: Safetensors) throws -> ImageSet {
        let origin = try checkpoint.metadata("origin", as: Origin.self, of: "an ImageSet")
        let splits = try MNISTFolder(path: origin.folder).load(trainingLimit: origin.limit)
        return ImageSet(dataset: origin.split == "test" ? splits.test : splits.train, origin: origin)
    }
}

/// A checkpoint that cannot be restored.
public struct CheckpointError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
