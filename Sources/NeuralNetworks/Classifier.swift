import Outputs
import Tensors

/// An MLP image classifier (784 → 256 → 128 → classes, ReLU), trained with softmax
/// cross-entropy. Besides labels, it gives the features the Fréchet distance compares: the
/// 128 activations before the last layer.
public final class Classifier {
    public let network: Sequential
    public let classCount: Int

    /// Creates an untrained classifier with PyTorch's default initialisation.
    public init(inputSize: Int = 784, classCount: Int = 10, generator: inout RandomGenerator) {
        self.classCount = classCount
        network = Sequential([
            Linear(inputSize, 256, name: "fc1", generator: &generator), ReLU(),
            Linear(256, 128, name: "fc2", generator: &generator), ReLU(),
            Linear(128, classCount, name: "fc3", generator: &generator),
        ])
        (network.layers[0] as! Linear).propagatesGradient = false
    }

    /// The number of features ``features(of:)`` gives per image.
    public var featureSize: Int { 128 }

    public var parameters: [Parameter] { network.parameters }

    /// Trains with Adam (lr 1e-3) in shuffled batches; returns the mean loss of each epoch.
    @discardableResult
    public func train(on images: Tensor, labels: [Int], epochs: Int, batchSize: Int = 128,
                      generator: inout RandomGenerator, progress: ProgressHandler? = nil) throws -> [Double] {
        precondition(labels.count == images.rows, "\(labels.count) labels for \(images.rows) images")
        let optimizer = Adam(parameters: parameters)
        let batch = Tensor(shape: [0]), gradient = Tensor(shape: [0])
        let stepsPerEpoch = (images.rows + batchSize - 1) / batchSize
        var epochLosses: [Double] = []
        let clock = ContinuousClock(), start = clock.now
        for epoch in stride(from: 1, through: epochs, by: 1) {
            let order = generator.permutation(images.rows)
            var total = 0.0
            for step in 1...stepsPerEpoch {
                let indices = order[((step - 1) * batchSize)..<min(step * batchSize, images.rows)]
                batch.gatherRows(of: images, at: indices)
                let loss = SoftmaxCrossEntropy.loss(network.forward(batch), labels: indices.map { labels[$0] }, gradient: gradient)
                guard loss.isFinite else {
                    throw TrainingError.diverged(epoch: epoch, step: step, loss: "classifier loss", learningRate: optimizer.learningRate)
                }
                _ = network.backward(gradient)
                optimizer.step()
                total += loss * Double(indices.count)
                if let progress {
                    let elapsed = seconds(clock.now - start)
                    try progress(TrainingProgress(
                        epoch: epoch, epochs: epochs, step: step, stepsPerEpoch: stepsPerEpoch,
                        metrics: [.init("loss", total / Double(indices.endIndex))],
                        samplesPerSecond: Double((epoch - 1) * images.rows + indices.endIndex) / max(elapsed, 1e-9), elapsedSeconds: elapsed
                    ))
                }
            }
            epochLosses.append(total / Double(images.rows))
        }
        return epochLosses
    }

    /// The predicted class of each image.
    public func predict(_ images: Tensor) -> [Int] {
        inBatches(images) { network.forward($0).argmaxRows() }.flatMap { $0 }
    }

    /// The fraction of `images` whose predicted class is the label.
    public func accuracy(on images: Tensor, labels: [Int]) -> Double {
        let predicted = predict(images)
        return Double(zip(predicted, labels).filter { $0 == $1 }.count) / Double(max(labels.count, 1))
    }

    /// The penultimate activations of each image, [count, 128].
    public func features(of images: Tensor) -> Tensor {
        let result = Tensor(shape: [images.rows, featureSize])
        var row = 0
        _ = inBatches(images) { batch -> Void in
            let hidden = network.layers[0...3].reduce(batch) { $1.forward($0) }
            result.setRows(startingAt: row, from: hidden)
            row += batch.rows
        }
        return result
    }

    private func inBatches<T>(_ images: Tensor, _ body: (Tensor) -> T) -> [T] {
        let batch = Tensor(shape: [0])
        return stride(from: 0, to: images.rows, by: 1000).map { first in
            batch.gatherRows(of: images, at: first..<min(first + 1000, images.rows))
            return body(batch)
        }
    }
}
