import Figures
import NeuralNetworks
import Outputs
import Tensors

// ANCHOR: train-vae
/// Trains a VAE and shows its loss per epoch.
///
/// Trains a VAE on the training images and shows its loss per epoch, split into the
/// reconstruction and KL terms.
///
/// - Parameter data: the data to train on
/// - Parameter latentSize: the size of a code
/// - Parameter epochs: passes over the training images
/// - Parameter batchSize: images per gradient step
/// - Parameter learningRate: Adam's learning rate
/// - Parameter klWeight: the weight β of the KL term
/// - Parameter reconstruction: `.binaryCrossEntropy` or `.squaredError` (summed over pixels)
/// - Parameter seed: the seed; the cell's own seed when omitted
public func trainVAE(
    on data: CourseData, latentSize: Int = 20, epochs: Int = 5, batchSize: Int = 128,
    learningRate: Double = 1e-3, klWeight: Double = 1, reconstruction: VAE.Reconstruction = .binaryCrossEntropy, seed: Int? = nil
) throws -> TrainedVAE {
    try checkArgument(latentSize, in: 1...512, label: "latentSize")
    try checkArgument(epochs, in: 1...200, label: "epochs")
    try checkArgument(batchSize, in: 1...60_000, label: "batchSize")
    try checkArgument(learningRate, in: 1e-7...1, label: "learningRate")
    try checkArgument(klWeight, in: 0...1000, label: "klWeight")
    try checkArgument(seed, in: 0...Int.max, label: "seed")
    try requireBatchSize(batchSize, fitting: data)
    var random = RandomGenerator(seed: cellSeed(seed))
    let configuration = VAE.Configuration(
        inputSize: data.train.dataset.pixelsPerImage, latentSize: latentSize,
        reconstruction: reconstruction, klWeight: Float(klWeight)
    )
    let vae = VAE(configuration, generator: &random)
    let optimizer = Adam(parameters: vae.parameters, learningRate: Float(learningRate))
    let history = try vae.train(on: data.train.images, epochs: epochs, batchSize: batchSize, optimizer: optimizer,
                                generator: &random, progress: StepContext.current.trainingProgress)
    let epochsAxis = (1...epochs).map(Double.init)
    Display.show(.chart(
        .line(LineChart(title: "VAE loss per epoch", xLabel: "epoch", yLabel: "nats per image", series: [
            .init(name: "reconstruction", x: epochsAxis, y: history.reconstruction),
            .init(name: "KL divergence", x: epochsAxis, y: history.kl),
        ])),
        caption: "Training loss per epoch: the reconstruction term and the KL term",
        altText: "Line chart of the reconstruction loss falling from \(wholeNumber(history.reconstruction.first ?? 0)) to \(wholeNumber(history.reconstruction.last ?? 0)) nats and the KL term at \(wholeNumber(history.kl.last ?? 0)) nats after \(epochs) epochs"
    ))
    return TrainedVAE(vae: vae, optimizer: optimizer, random: random, history: history)
}
// ANCHOR_END: train-vae

/// Shows images above their reconstructions.
///
/// Shows `count` test images above the VAE's reconstructions of them.
///
/// - Parameter model: the trained VAE or autoencoder
/// - Parameter images: the images to reconstruct
/// - Parameter count: how many images
public func showReconstructions(_ model: TrainedVAE, of images: ImageSet, count: Int = 8) throws {
    try checkArgument(count, in: 1...64, label: "count")
    let originals = Tensor(shape: [0])
    originals.gatherRows(of: images.images, at: 0..<min(count, images.count))
    let (mean, _) = model.vae.encode(originals)
    let reconstructions = model.vae.decode(mean.copy())
    let side = images.dataset.rows
    Display.show(.imageGrid(
        ImageGrid(pixels: originals.array + reconstructions.array, imageRows: side, imageColumns: images.dataset.columns, gridColumns: originals.rows, scale: 2),
        caption: "Test images (top) and their reconstructions from the mean code (bottom)",
        altText: "Two rows of \(originals.rows) clothing images: originals above, the VAE's blurrier reconstructions below"
    ))
}
