import Datasets
import NeuralNetworks
import Tensors

/// The Fréchet distance of generated images from the Fashion-MNIST test set, in the feature
/// space of a classifier our library trains first: one meter for our samples and PyTorch's,
/// so the two distances are comparable.
final class FrechetMeter {
    let classifierTestAccuracy: Double
    private let classifier: Classifier
    private let testFeatures: Tensor

    init(data: MNISTFolder.Splits, random: inout RandomGenerator) throws {
        classifier = Classifier(generator: &random)
        try classifier.train(on: data.train.imageTensor(), labels: data.train.labels, epochs: 3, generator: &random)
        let test = data.test.imageTensor()
        classifierTestAccuracy = classifier.accuracy(on: test, labels: data.test.labels)
        testFeatures = classifier.features(of: test)
    }

    /// The distance of `samples` ([count, 784] in [0, 1]).
    func distance(of samples: Tensor) -> Double {
        FrechetDistance.between(classifier.features(of: samples), testFeatures)
    }

    /// The class our classifier predicts for each of `samples` ([count, 784] in [0, 1]).
    func classify(_ samples: Tensor) -> [Int] { classifier.predict(samples) }

    /// The distance of the 28x28 images in an IDX file of bytes, such as the reference writes.
    func distance(ofImagesIn path: String) throws -> Double {
        let file = try IDXFile.read(contentsOf: path, dimensionCount: 3)
        let images = Tensor(shape: [file.dimensions[0], 784], values: file.payload.map { Float($0) / 255 })
        return distance(of: images)
    }
}
