import Figures
import NeuralNetworks
import Outputs
import Tensors

// ANCHOR: train-gan
/// Trains a GAN and shows its cost, losses, scores and samples.
///
/// Trains a GAN, alternating a gradient-ascent step on the cost C(D, G) for the
/// discriminator with a descent step for the generator. Shows the cost and both losses,
/// the discriminator's mean scores, and samples from fixed codes after every epoch.
///
/// - Parameter data: the data to train on
/// - Parameter epochs: passes over the training images
/// - Parameter generatorLoss: `.nonSaturating` (maximise log D(G(z))) or `.saturating` (minimise log(1 − D(G(z))))
/// - Parameter discriminatorSteps: discriminator steps per generator step (k)
/// - Parameter learningRate: Adam's learning rate for both players
/// - Parameter batchSize: real images per discriminator step
/// - Parameter seed: the seed; the cell's own seed when omitted
public func trainGAN(
    on data: CourseData, epochs: Int = 5, generatorLoss: GAN.GeneratorLoss = .nonSaturating, discriminatorSteps: Int = 1,
    learningRate: Double = 2e-4, batchSize: Int = 64, seed: Int? = nil
) throws -> TrainedGAN {
    try checkArgument(epochs, in: 1...200, label: "epochs")
    try checkArgument(discriminatorSteps, in: 1...10, label: "discriminatorSteps")
    try checkArgument(learningRate, in: 1e-7...1, label: "learningRate")
    try checkArgument(batchSize, in: Parallel.parts...60_000, label: "batchSize")
    try checkArgument(seed, in: 0...Int.max, label: "seed")
    try requireGANBatches(batchSize, discriminatorSteps: discriminatorSteps, fitting: data)
    var random = RandomGenerator(seed: cellSeed(seed))
    let trainer = GAN.Trainer(gan: GAN(.init(imageSize: data.train.dataset.pixelsPerImage, generatorLoss: generatorLoss, discriminatorSteps: discriminatorSteps), random: &random),
                              learningRate: Float(learningRate))
    var watchRandom = RandomGenerator.derived(from: cellSeed(seed), "fixed codes")
    let fixedCodes = Tensor.normal(shape: [10, trainer.gan.configuration.codeSize], generator: &watchRandom)
    var history = GAN.History()
    var snapshots: [Float] = []
    let report = StepContext.current.trainingProgress
    for index in 0..<epochs {
        // The trainer runs one epoch at a time (to snapshot the fixed codes after each), so
        // its progress says "epoch 1 of 1": report the epoch of the whole run instead.
        let secondsBefore = history.epochSeconds.reduce(0, +)
        let epoch = try trainer.train(on: data.train.images, epochs: 1, batchSize: batchSize, random: &random) { progress in
            var progress = progress
            progress.epoch = index + 1
            progress.epochs = epochs
            progress.elapsedSeconds += secondsBefore
            try report(progress)
        }
        history.steps += epoch.steps
        history.epochSeconds += epoch.epochSeconds
        history.stepsPerEpoch = epoch.stepsPerEpoch
        snapshots += trainer.gan.generate(from: fixedCodes).array
    }
    let steps = (1...history.steps.count).map(Double.init)
    Display.show(.chart(
        .line(LineChart(title: "GAN training, per generator step", xLabel: "step", yLabel: "value", series: [
            .init(name: "C(D, G)", x: steps, y: history.steps.map(\.cost)),
            .init(name: "D loss = −C", x: steps, y: history.steps.map(\.discriminatorLoss)),
            .init(name: "G loss", x: steps, y: history.steps.map(\.generatorLoss)),
        ])),
        caption: "The cost C(D, G), which the discriminator ascends, and both players' losses",
        altText: "Line chart over \(history.steps.count) steps: the cost settles around \(String(format: "%.2f", history.epochMeans(\.cost).last ?? 0)) while the generator loss stays near \(String(format: "%.2f", history.epochMeans(\.generatorLoss).last ?? 0))"
    ))
    Display.show(.chart(
        .line(LineChart(title: "Discriminator scores", xLabel: "step", yLabel: "mean D(x)", series: [
            .init(name: "real images", x: steps, y: history.steps.map(\.meanRealScore)),
            .init(name: "generated images", x: steps, y: history.steps.map(\.meanFakeScore)),
        ])),
        caption: "The discriminator's mean output on real and on generated images (1 = real, 0 = synthetic)",
        altText: "Line chart: D scores real images near \(String(format: "%.2f", history.epochMeans(\.meanRealScore).last ?? 0)) and generated ones near \(String(format: "%.2f", history.epochMeans(\.meanFakeScore).last ?? 0)) by the end"
    ))
    Display.show(.imageGrid(
        ImageGrid(pixels: snapshots, imageRows: 28, imageColumns: 28, gridColumns: 10, labels: (1...epochs).flatMap { epoch in (0..<10).map { $0 == 0 ? "epoch \(epoch)" : "" } }),
        caption: "Samples from the same ten codes after each epoch (one row per epoch)",
        altText: "\(epochs) rows of ten generated images; noise in the first row turns into clothing shapes in later rows"
    ))
    return TrainedGAN(trainer: trainer, random: random, history: history)
}
// ANCHOR_END: train-gan

/// Shows images generated from random codes.
///
/// - Parameter model: the trained GAN
/// - Parameter count: how many images
public func showGANSamples(_ model: TrainedGAN, count: Int = 32) throws {
    try checkArgument(count, in: 1...256, label: "count")
    var random = model.random
    showGeneratedImages(
        model.gan.sample(count: count, random: &random), caption: "\(count) images generated from random codes",
        altText: "A grid of \(count) generated clothing images with sharp edges and some artefacts")
}

/// Shows histograms of D(x) on real and generated images.
///
/// Shows how the discriminator scores real images and generated ones: a histogram of D(x) each.
///
/// - Parameter model: the trained GAN
/// - Parameter images: the real images
/// - Parameter count: how many real and generated images
@discardableResult
public func showDiscriminatorScores(_ model: TrainedGAN, on images: ImageSet, count: Int = 1000) throws -> ScoreSummary {
    try checkArgument(count, in: 1...10_000, label: "count")
    var random = model.random
    let real = Tensor(shape: [0])
    real.gatherRows(of: images.images, at: 0..<min(count, images.count))
    let realScores = model.gan.discriminate(real).array.map(Double.init)
    let fakeScores = model.gan.discriminate(model.gan.sample(count: real.rows, random: &random)).array.map(Double.init)
    let bins = 20
    func histogram(_ scores: [Double]) -> [Double] {
        var counts = [Double](repeating: 0, count: bins)
        // A diverged discriminator scores NaN, which has no bin (and `Int(NaN)` traps).
        for score in scores where score.isFinite { counts[min(max(Int(score * Double(bins)), 0), bins - 1)] += 1 }
        return counts
    }
    let centers = (0..<bins).map { (Double($0) + 0.5) / Double(bins) }
    Display.show(.chart(
        .line(LineChart(title: "Discriminator outputs D(x)", xLabel: "D(x)", yLabel: "images", series: [
            .init(name: "real", x: centers, y: histogram(realScores)),
            .init(name: "generated", x: centers, y: histogram(fakeScores)),
        ])),
        caption: "How many real and generated images get each discriminator score",
        altText: "Two histograms of D(x): real images average \(String(format: "%.2f", ScoreSummary.mean(realScores))), generated ones \(String(format: "%.2f", ScoreSummary.mean(fakeScores)))"
    ))
    return ScoreSummary(record: .init(real: realScores, generated: fakeScores))
}

/// Trains the classifier that judges generated images.
///
/// Trains the classifier that judges generated images (its features give the Fréchet
/// distance) and shows its test accuracy.
///
/// - Parameter data: the data to train on
/// - Parameter epochs: passes over the training images
/// - Parameter seed: the seed; the cell's own seed when omitted
public func trainClassifier(on data: CourseData, epochs: Int = 3, seed: Int? = nil) throws -> TrainedClassifier {
    try checkArgument(epochs, in: 1...100, label: "epochs")
    try checkArgument(seed, in: 0...Int.max, label: "seed")
    var random = RandomGenerator(seed: cellSeed(seed))
    let classifier = Classifier(inputSize: data.train.dataset.pixelsPerImage, classCount: data.classNames.count, generator: &random)
    try classifier.train(on: data.train.images, labels: data.train.dataset.labels, epochs: epochs, generator: &random,
                         progress: StepContext.current.trainingProgress)
    let accuracy = classifier.accuracy(on: data.test.images, labels: data.test.dataset.labels)
    Display.show(metrics: [Metric(name: "classifier test accuracy", value: (accuracy * 1000).rounded() / 10, unit: "%")])
    return TrainedClassifier(classifier: classifier, classNames: data.classNames, testAccuracy: accuracy)
}

/// Shows the classes of GAN samples, to spot mode collapse.
///
/// Shows which classes the classifier sees in `count` GAN samples: a generator that covers
/// every mode makes all ten; mode collapse shows as a few tall bars.
///
/// - Parameter model: the trained GAN
/// - Parameter classifier: the classifier
/// - Parameter count: how many samples
@discardableResult
public func showGANClasses(_ model: TrainedGAN, classifier: TrainedClassifier, count: Int = 2000) throws -> ClassCounts {
    try checkArgument(count, in: 1...20_000, label: "count")
    var random = model.random
    let predicted = classifier.classifier.predict(model.gan.sample(count: count, random: &random))
    showClassCounts(predicted, classNames: classifier.classNames, of: "GAN")
    return ClassCounts(predicted: predicted, classNames: classifier.classNames)
}

/// Shows VAE and GAN samples side by side with their Fréchet distances.
///
/// Compares VAE and GAN samples side by side: images, Fréchet distance to the test images in
/// the classifier's feature space, and the classes of the samples.
///
/// - Parameter vae: the trained VAE
/// - Parameter gan: the trained GAN
/// - Parameter classifier: the classifier
/// - Parameter images: the real images
/// - Parameter count: samples per model
@discardableResult
public func compareModels(vae: TrainedVAE, gan: TrainedGAN, classifier: TrainedClassifier, on images: ImageSet, count: Int = 2000) throws -> ModelComparison {
    try checkArgument(count, in: 2...20_000, label: "count")
    var vaeRandom = vae.random, ganRandom = gan.random
    let vaeSamples = vae.vae.generate(count: count, generator: &vaeRandom)
    let ganSamples = gan.gan.sample(count: count, random: &ganRandom)
    let realFeatures = classifier.classifier.features(of: images.images)
    let vaeDistance = FrechetDistance.between(classifier.classifier.features(of: vaeSamples), realFeatures)
    let ganDistance = FrechetDistance.between(classifier.classifier.features(of: ganSamples), realFeatures)
    let shown = min(8, count)
    Display.show(.imageGrid(
        ImageGrid(pixels: Array(vaeSamples.array[0..<(shown * 784)]) + Array(ganSamples.array[0..<(shown * 784)]), imageRows: 28, imageColumns: 28,
                  gridColumns: shown, labels: (0..<(2 * shown)).map { $0 == 0 ? "VAE" : $0 == shown ? "GAN" : "" }),
        caption: "Samples from the VAE (top row) and the GAN (bottom row)",
        altText: "Two rows of \(shown) generated images: the VAE's are smooth and blurry, the GAN's sharper with more texture"
    ))
    let vaeClasses = ClassCounts(predicted: classifier.classifier.predict(vaeSamples), classNames: classifier.classNames)
    let ganClasses = ClassCounts(predicted: classifier.classifier.predict(ganSamples), classNames: classifier.classNames)
    Display.show(.table(Table(header: ["model", "Fréchet distance to test images", "classes seen in \(count) samples"], rows: [
        ["VAE", String(format: "%.1f", vaeDistance), String(vaeClasses.classesSeen)],
        ["GAN", String(format: "%.1f", ganDistance), String(ganClasses.classesSeen)],
    ])))
    return ModelComparison(record: .init(count: count, vaeDistance: vaeDistance, ganDistance: ganDistance,
                                         vaeClasses: vaeClasses.record, ganClasses: ganClasses.record))
}

/// Shows and returns the Fréchet distance of GAN samples to real images.
///
/// - Parameter model: the trained GAN
/// - Parameter classifier: the classifier
/// - Parameter images: the real images
/// - Parameter count: how many samples
@discardableResult
public func ganFrechetDistance(_ model: TrainedGAN, classifier: TrainedClassifier, on images: ImageSet, count: Int = 2000) throws -> Double  {
    try checkArgument(count, in: 2...20_000, label: "count")
    var random = model.random
    let distance = FrechetDistance.between(
        classifier.classifier.features(of: model.gan.sample(count: count, random: &random)),
        classifier.classifier.features(of: images.images)
    )
    Display.show(metrics: [Metric(name: "Fréchet distance (\(count) samples)", value: rounded(distance))])
    return distance
}
