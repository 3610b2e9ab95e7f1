import Figures
import Foundation
import NeuralNetworks
import Outputs
import Tensors

/// Trains a plain autoencoder: one code per image.
///
/// Trains a plain autoencoder (one code per image, no sampling, no KL term) and shows its
/// reconstruction loss per epoch.
///
/// - Parameter data: the data to train on
/// - Parameter latentSize: the size of a code
/// - Parameter epochs: passes over the training images
/// - Parameter batchSize: images per gradient step
/// - Parameter learningRate: Adam's learning rate
/// - Parameter seed: the seed; the cell's own seed when omitted
public func trainAutoencoder(
    on data: CourseData, latentSize: Int = 2, epochs: Int = 5, batchSize: Int = 128, learningRate: Double = 1e-3, seed: Int? = nil
) throws -> TrainedVAE {
    try checkArgument(latentSize, in: 1...512, label: "latentSize")
    try checkArgument(epochs, in: 1...200, label: "epochs")
    try checkArgument(batchSize, in: 1...60_000, label: "batchSize")
    try checkArgument(learningRate, in: 1e-7...1, label: "learningRate")
    try checkArgument(seed, in: 0...Int.max, label: "seed")
    try requireBatchSize(batchSize, fitting: data)
    var random = RandomGenerator(seed: cellSeed(seed))
    let vae = VAE(VAE.Configuration(inputSize: data.train.dataset.pixelsPerImage, latentSize: latentSize, variational: false), generator: &random)
    let optimizer = Adam(parameters: vae.parameters, learningRate: Float(learningRate))
    let history = try vae.train(on: data.train.images, epochs: epochs, batchSize: batchSize, optimizer: optimizer,
                                generator: &random, progress: StepContext.current.trainingProgress)
    Display.show(.chart(
        .line(LineChart(title: "Autoencoder loss per epoch", xLabel: "epoch", yLabel: "nats per image",
                        series: [.init(name: "reconstruction", x: (1...epochs).map(Double.init), y: history.reconstruction)])),
        caption: "Reconstruction loss per epoch of the plain autoencoder",
        altText: "Line chart of the reconstruction loss falling from \(wholeNumber(history.reconstruction.first ?? 0)) to \(wholeNumber(history.reconstruction.last ?? 0)) nats per image"
    ))
    return TrainedVAE(vae: vae, optimizer: optimizer, random: random, history: history)
}

/// Shows the images' codes as a scatter plot colored by class.
///
/// Shows the codes (the encoder's means, first two dimensions) of `count` images as a
/// scatter plot colored by class.
///
/// - Parameter model: the trained VAE or autoencoder
/// - Parameter images: the images to encode
/// - Parameter count: how many images
@discardableResult
public func showCodes(_ model: TrainedVAE, of images: ImageSet, count: Int = 5000) throws -> CodeSpread {
    try checkArgument(count, in: 1...60_000, label: "count")
    try requirePlottableCodes(model, for: "a scatter plot of codes")
    let shown = min(count, images.count)
    let subset = Tensor(shape: [0])
    subset.gatherRows(of: images.images, at: 0..<shown)
    let codes = model.vae.meanCodes(of: subset)
    let kind = model.vae.configuration.variational ? "VAE" : "autoencoder"
    let x = (0..<shown).map { Double(codes[$0, 0]) }, y = (0..<shown).map { Double(codes[$0, 1]) }
    Display.show(.chart(
        .scatter(ScatterPlot(title: "\(kind) codes of \(shown) images", xLabel: "z₁", yLabel: "z₂",
                             x: x, y: y,
                             classes: Array(images.dataset.labels[0..<shown]), classNames: images.dataset.classNames)),
        caption: "The \(kind)'s code for each image (the mean of its distribution), colored by class",
        altText: "Scatter plot of \(shown) two-dimensional codes; images of the same class form clusters"
            + (model.vae.configuration.variational ? " packed around the origin" : " spread over a wide, irregular range")
    ))
    return CodeSpread(x: x, y: y)
}

/// Shows the code distribution as a mixture of one normal per image.
///
/// Shows the density of the aggregate code distribution: the mixture of normals with one
/// normal N(μᵢ, σᵢ²) per image, next to the standard normal prior it is pulled towards.
///
/// - Parameter model: the trained VAE or autoencoder
/// - Parameter images: the images whose normals are mixed
/// - Parameter count: how many images
/// - Parameter resolution: grid points per axis
public func showMixtureDensity(_ model: TrainedVAE, of images: ImageSet, count: Int = 5000, resolution: Int = 80) throws {
    try checkArgument(count, in: 1...60_000, label: "count")
    try checkArgument(resolution, in: 8...400, label: "resolution")
    try requireTwoDimensionalCodes(model, for: "the mixture density")
    let shown = min(count, images.count)
    let subset = Tensor(shape: [0])
    subset.gatherRows(of: images.images, at: 0..<shown)
    let range = -3.5...3.5
    let density = model.vae.aggregateDensity(of: subset, resolution: resolution, range: range)
    Display.show(.chart(
        .heatMap(HeatMap(title: "Mixture of \(shown) normals, one per image", xLabel: "z₁", yLabel: "z₂", valueLabel: "density",
                         values: density, rows: resolution, columns: resolution, xRange: range, yRange: range)),
        caption: "The code distribution over the training images: the average of one normal per image",
        altText: "Heat map of the code density on a \(resolution) by \(resolution) grid; the mass forms overlapping blobs, one region per class, around the origin"
    ))
    let step = (range.upperBound - range.lowerBound) / Double(resolution - 1)
    let mass = density.reduce(0, +) * step * step
    Display.show(metrics: [Metric(name: "probability mass inside the plotted square", value: (mass * 1000).rounded() / 1000)])
}

/// Shows images decoded from random codes z ~ N(0, I).
///
/// - Parameter model: the trained VAE or autoencoder
/// - Parameter count: how many images
public func showSamples(_ model: TrainedVAE, count: Int = 32) throws {
    try checkArgument(count, in: 1...256, label: "count")
    var random = model.random
    showGeneratedImages(
        model.vae.generate(count: count, generator: &random), caption: "\(count) new images decoded from random codes z ~ N(0, I)",
        altText: "A grid of \(count) generated clothing images; recognisable shapes with blurred edges")
}

/// Shows images decoded from a grid of 2-D codes.
///
/// Shows the 2-D latent manifold: images decoded from a grid of codes.
///
/// - Parameter model: the trained VAE or autoencoder
/// - Parameter size: images per side of the grid
public func showManifold(_ model: TrainedVAE, size: Int = 15) throws {
    try checkArgument(size, in: 2...40, label: "size")
    try requireTwoDimensionalCodes(model, for: "the latent manifold")
    let images = model.vae.manifold(size: size)
    Display.show(.imageGrid(
        ImageGrid(pixels: images.array, imageRows: 28, imageColumns: 28, gridColumns: size, padding: 0, scale: 2),
        caption: "The latent manifold: codes on a \(size) × \(size) grid over the prior, decoded",
        altText: "A \(size) by \(size) mosaic of generated clothing images that morph smoothly from one kind of garment into another across the grid"
    ))
}

/// Shows images decoded from codes drawn from one image's distribution.
///
/// Shows one image beside `count` images decoded from codes drawn from that image's own
/// distribution N(μ(x), σ(x)²): the VAE's outputs for that input are drawn, not fixed.
///
/// - Parameter model: the trained VAE or autoencoder
/// - Parameter images: the images
/// - Parameter index: which image
/// - Parameter count: how many draws
public func showDraws(_ model: TrainedVAE, of images: ImageSet, index: Int = 0, count: Int = 8) throws {
    try checkArgument(index, in: 0...60_000, label: "index")
    try checkArgument(count, in: 1...32, label: "count")
    guard images.dataset.labels.indices.contains(index) else {
        throw StepError("there is no image \(index) in a set of \(images.count)", hint: "use an index from 0 to \(images.count - 1)",
                        argument: "index")
    }
    let image = Tensor(shape: [0])
    image.gatherRows(of: images.images, at: [index])
    var random = model.random
    let draws = model.vae.decodeDraws(of: image, count: count, generator: &random)
    let name = inSentence(images.dataset.classNames[images.dataset.labels[index]])
    Display.show(.imageGrid(
        ImageGrid(pixels: image.array + draws.array, imageRows: 28, imageColumns: 28, gridColumns: count + 1,
                  labels: ["input"] + (1...count).map { "draw \($0)" }, scale: 2),
        caption: "\(article(name).capitalized) \(name) (left) and \(count) images decoded from codes drawn from its own distribution",
        altText: "\(article(name).capitalized) \(name) followed by \(count) similar but slightly different decoded images, one per code drawn from the image's normal distribution"
    ))
}

/// Shows the images decoded between two images' codes.
///
/// Shows the images decoded along the line between the codes of two images.
///
/// - Parameter model: the trained VAE or autoencoder
/// - Parameter images: the images
/// - Parameter first: the index of the first image
/// - Parameter second: the index of the second image
/// - Parameter steps: images between the two
public func showInterpolation(_ model: TrainedVAE, of images: ImageSet, from first: Int = 0, to second: Int = 1, steps: Int = 10) throws {
    try checkArgument(first, in: 0...60_000, label: "from")
    try checkArgument(second, in: 0...60_000, label: "to")
    try checkArgument(steps, in: 2...40, label: "steps")
    for (index, label) in [(first, "from"), (second, "to")] where !images.dataset.labels.indices.contains(index) {
        throw StepError("there is no image \(index) in a set of \(images.count)", hint: "use an index from 0 to \(images.count - 1)",
                        argument: label)
    }
    let a = Tensor(shape: [0]), b = Tensor(shape: [0])
    a.gatherRows(of: images.images, at: [first])
    b.gatherRows(of: images.images, at: [second])
    let path = model.vae.interpolate(from: a, to: b, steps: steps)
    let names = images.dataset.classNames
    let from = inSentence(names[images.dataset.labels[first]]), to = inSentence(names[images.dataset.labels[second]])
    Display.show(.imageGrid(
        ImageGrid(pixels: a.array + path.array + b.array, imageRows: 28, imageColumns: 28, gridColumns: steps + 2),
        caption: "From \(article(from)) \(from) to \(article(to)) \(to): the two images at the ends, decoded codes on the line between them in the middle",
        altText: "A row of \(steps + 2) images morphing gradually from \(article(from)) \(from) into \(article(to)) \(to)"
    ))
}

/// Shows and returns the loss per image (negative ELBO) and its two terms.
///
/// Shows the VAE's loss per test image (the negative ELBO, z sampled) and its two terms, and
/// returns the loss.
///
/// - Parameter model: the trained VAE or autoencoder
/// - Parameter images: the images to evaluate on
@discardableResult
public func evaluateVAE(_ model: TrainedVAE, on images: ImageSet) -> VAEEvaluation {
    var random = model.random
    let loss = model.vae.evaluate(on: images.images, generator: &random)
    // It returns the numbers it shows, so `{swift} loss.total` in the text reads as the metric does.
    // The negative ELBO adds the two terms unweighted, whatever β the model was trained with.
    let record = VAEEvaluation.Record(
        total: rounded(loss.reconstruction + loss.kl), reconstruction: rounded(loss.reconstruction), kl: rounded(loss.kl),
        objective: rounded(loss.total))
    let weight = model.vae.configuration.klWeight
    Display.show(metrics: [
        Metric(name: "test loss (negative ELBO)", value: record.total, unit: "nats per image"),
        Metric(name: "reconstruction term", value: record.reconstruction, unit: "nats per image"),
        Metric(name: "KL term", value: record.kl, unit: "nats per image"),
    ] + (weight == 1 || !model.vae.configuration.variational ? [] : [
        Metric(name: "objective trained on (reconstruction + β · KL, β = \(weight))", value: record.objective, unit: "nats per image"),
    ]))
    return VAEEvaluation(record: record)
}
