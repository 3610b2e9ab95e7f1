import Datasets
import Figures
import Foundation
import NeuralNetworks
import Outputs
import Tensors

/// Draws points from a ring of normal distributions in the plane.
///
/// Draws `count` points from a mixture of `modes` equally likely normals whose centers sit
/// evenly on a circle of radius `radius` around the origin, each with standard deviation
/// `spread` along both axes: the classic test of whether a GAN covers every mode.
///
/// - Parameter count: how many points
/// - Parameter modes: how many normals on the ring
/// - Parameter radius: the radius of the ring
/// - Parameter spread: each normal's standard deviation σ
/// - Parameter seed: the seed; the cell's own seed when omitted
public func ringOfGaussians(count: Int = 2000, modes: Int = 8, radius: Double = 2, spread: Double = 0.1, seed: Int? = nil) throws -> RingOfGaussians {
    try checkArgument(count, in: 16...100_000, label: "count")
    try checkArgument(modes, in: 1...32, label: "modes")
    try checkArgument(radius, in: 0.5...10, label: "radius")
    try checkArgument(spread, in: 0.001...1, label: "spread")
    try checkArgument(seed, in: 0...Int.max, label: "seed")
    return RingOfGaussians(record: .init(modes: modes, radius: radius, spread: spread, count: count, seed: cellSeed(seed)))
}

// ANCHOR: train-ring-gan
/// Trains a GAN on points in the plane and shows six snapshots of the game.
///
/// Trains a small GAN (two hidden layers of 64 for each player, 2-D noise) on points from a
/// ring of normals, playing the same game as `trainGAN`: k discriminator steps that ascend
/// the cost C(D, G), then one generator step. Shows six panels over training, each with the
/// real points, points the generator makes from the same 500 noise vectors, and the
/// discriminator's D(x) over the whole plane as a heat map; and how many modes the generator
/// covers at the end.
///
/// - Parameter ring: the points to train on
/// - Parameter steps: generator steps (each after k discriminator steps)
/// - Parameter generatorLoss: `.nonSaturating` (maximise log D(G(z))) or `.saturating` (minimise log(1 − D(G(z))))
/// - Parameter discriminatorSteps: discriminator steps per generator step (k)
/// - Parameter learningRate: Adam's learning rate for both players
/// - Parameter batchSize: real points per discriminator step
/// - Parameter seed: the seed; the cell's own seed when omitted
public func trainRingGAN(
    on ring: RingOfGaussians, steps: Int = 3000, generatorLoss: GAN.GeneratorLoss = .nonSaturating, discriminatorSteps: Int = 1,
    learningRate: Double = 1e-3, batchSize: Int = 128, seed: Int? = nil
) throws -> RingGANRun {
    try checkArgument(steps, in: 1...100_000, label: "steps")
    try checkArgument(discriminatorSteps, in: 1...10, label: "discriminatorSteps")
    try checkArgument(learningRate, in: 1e-6...0.1, label: "learningRate")
    try checkArgument(batchSize, in: 1...1024, label: "batchSize")
    try checkArgument(seed, in: 0...Int.max, label: "seed")
    var random = RandomGenerator(seed: cellSeed(seed))
    let configuration = PointGAN.Configuration(hiddenSize: ringGANHiddenSize, generatorLoss: generatorLoss, discriminatorSteps: discriminatorSteps)
    let trainer = PointGAN.Trainer(gan: PointGAN(configuration, random: &random), learningRate: Float(learningRate))
    // The same noise for every panel, so each panel shows where the same codes have moved.
    var watchRandom = RandomGenerator.derived(from: cellSeed(seed), "watched noise")
    let noise = Tensor.normal(shape: [ringGANMeasuredPoints, configuration.noiseSize], generator: &watchRandom)
    let panelSteps = (0...5).map { steps * $0 / 5 }
    var panels: [SmallMultiples.Panel] = [], closePoints: [[Int]] = []
    var records: [GAN.StepRecord] = []
    records.reserveCapacity(steps)
    let report = StepContext.current.trainingProgress
    let clock = ContinuousClock(), start = clock.now
    for (index, panelStep) in panelSteps.enumerated() {
        while records.count < panelStep {
            let record = trainer.step(real: ring.points, batchSize: batchSize, random: &random)
            guard record.cost.isFinite, record.generatorLoss.isFinite else {
                throw TrainingError.diverged(epoch: 1, step: records.count + 1, loss: "GAN loss", learningRate: Float(learningRate))
            }
            records.append(record)
            if records.count % 50 == 0 || records.count == steps {
                let elapsed = Double((clock.now - start).components.seconds) + Double((clock.now - start).components.attoseconds) * 1e-18
                try report(TrainingProgress(
                    epoch: 1, epochs: 1, step: records.count, stepsPerEpoch: steps,
                    metrics: [.init("D loss", record.discriminatorLoss), .init("G loss", record.generatorLoss)],
                    samplesPerSecond: Double(records.count * discriminatorSteps * batchSize) / max(elapsed, 1e-9), elapsedSeconds: elapsed))
            }
        }
        let generated = trainer.gan.generator.forward(noise)  // [measured, 2]
        closePoints.append(ring.ring.coverage(of: generated).closePoints)
        panels.append(ringPanel(title: index == 0 ? "step 0" : "step \(panelStep)", gan: trainer.gan, ring: ring, generated: generated))
    }
    let tail = records.suffix(max(1, steps / 10))
    let run = RingGANRun(record: .init(
        steps: steps, panelSteps: panelSteps, panelClosePoints: closePoints, measuredPoints: ringGANMeasuredPoints,
        finalMeanFakeScore: tail.reduce(0) { $0 + $1.meanFakeScore } / Double(tail.count),
        finalGeneratorLoss: tail.reduce(0) { $0 + $1.generatorLoss } / Double(tail.count)))
    showRingGAN(run, panels: panels, ring: ring, generatorLoss: generatorLoss, discriminatorSteps: discriminatorSteps)
    return run
}
// ANCHOR_END: train-ring-gan

/// The width of both players' hidden layers.
private let ringGANHiddenSize = 64
/// How many generated points each panel measures; the first ``ringGANShownPoints`` are drawn.
private let ringGANMeasuredPoints = 2000
private let ringGANShownPoints = 500
/// The number of real points each panel draws.
private let ringGANShownRealPoints = 400
/// The heat map's grid: D(x) at the centers of 48 × 48 cells.
private let ringGANGridSize = 48

/// A value rounded to three decimals: enough for a figure, and a third of the bytes in the cache.
private func thousandths(_ value: Float) -> Double { (Double(value) * 1000).rounded() / 1000 }

/// One panel: D(x) on the grid over the plane, the first real points and the first generated ones.
private func ringPanel(title: String, gan: PointGAN, ring: RingOfGaussians, generated: Tensor) -> SmallMultiples.Panel {
    let extent = ringExtent(ring)
    let n = ringGANGridSize
    let grid = Tensor(shape: [n * n, 2])  // [n², 2], row 0 of the grid at the bottom
    for row in 0..<n {
        for column in 0..<n {
            grid[row * n + column, 0] = Float(-extent + (Double(column) + 0.5) * 2 * extent / Double(n))
            grid[row * n + column, 1] = Float(-extent + (Double(row) + 0.5) * 2 * extent / Double(n))
        }
    }
    let scores = gan.discriminate(grid)  // [n², 1]
    func pointSet(_ points: Tensor, count: Int) -> SmallMultiples.PointSet {
        let shown = min(count, points.rows)
        return .init(x: (0..<shown).map { thousandths(points[$0, 0]) }, y: (0..<shown).map { thousandths(points[$0, 1]) })
    }
    return .init(title: title, values: scores.array.map(thousandths),
                 pointSets: [pointSet(ring.points, count: ringGANShownRealPoints), pointSet(generated, count: ringGANShownPoints)])
}

/// Half the side of the square the panels show: the ring with room around it.
private func ringExtent(_ ring: RingOfGaussians) -> Double { 1.5 * ring.record.radius }

/// Shows the panels, and the coverage at the end as metrics.
private func showRingGAN(_ run: RingGANRun, panels: [SmallMultiples.Panel], ring: RingOfGaussians,
                         generatorLoss: GAN.GeneratorLoss, discriminatorSteps: Int) {
    let extent = ringExtent(ring)
    let final = run.finalCoverage
    let modes = ring.record.modes
    let lossName = generatorLoss == .nonSaturating ? "non-saturating" : "saturating"
    Display.show(.chart(
        .smallMultiples(SmallMultiples(
            title: "GAN on a ring of \(modes), \(lossName) loss, k = \(discriminatorSteps)", xLabel: "x₁", yLabel: "x₂",
            valueLabel: "D(x)", valueRange: 0...1, pointSetNames: ["real", "generated"], rows: ringGANGridSize, columns: ringGANGridSize,
            xRange: -extent...extent, yRange: -extent...extent, panels: panels)),
        caption: "Real points, generated points and the discriminator's D(x) at six steps of training",
        altText: "Six panels of the plane, from step 0 to step \(run.record.steps): real points in \(modes) tight clusters on a circle, "
            + "\(ringGANShownPoints) generated points, and D(x) as a heat map behind them, pale where D says generated and blue where it says real. "
            + "The generated points reach \(run.modesCoveredByPanel) of the \(modes) modes in the six panels; at the end "
            + "\(Int((100 * final.closeShare).rounded()))% of them lie within three standard deviations of a mode"
    ))
    Display.show(metrics: [
        Metric(name: "modes covered", value: Double(final.modesCovered), unit: "of \(modes)"),
        Metric(name: "generated points within 3σ of a mode", value: (1000 * final.closeShare).rounded() / 10, unit: "%"),
    ])
}

extension RingGANRun {
    /// How many modes the generator covers at the end: modes with at least 1/(4m) of its
    /// points (1/32 for eight) within three standard deviations of their center.
    public var modesCovered: Int { finalCoverage.modesCovered }

    /// The most modes the generator covered in any panel of the figure.
    public var mostModesCovered: Int { (0..<record.panelClosePoints.count).map { coverage(atPanel: $0).modesCovered }.max() ?? 0 }

    /// The share of the generated points within three standard deviations of some mode at the end, between 0 and 1.
    public var highQualityShare: Double { finalCoverage.closeShare }

    /// The share of the generated points within three standard deviations of some mode after
    /// a fifth of the steps (the second panel), between 0 and 1: how fast the generator starts.
    public var earlyHighQualityShare: Double { coverage(atPanel: min(1, record.panelClosePoints.count - 1)).closeShare }

    /// The modes covered in each panel, from the first to the last, as a list for a text: "0, 4, 8, 8, 8, 8".
    public var modesCoveredByPanel: String {
        (0..<record.panelClosePoints.count).map { String(coverage(atPanel: $0).modesCovered) }.joined(separator: ", ")
    }

    /// The largest share of the generated points close to any one mode at the end, between 0 and 1.
    public var largestModeShare: Double { finalCoverage.largestModeShare }

    /// The discriminator's mean score D(G(z)) on generated points over the last tenth of the steps.
    public var finalMeanFakeScore: Double { record.finalMeanFakeScore }

    /// The generator's loss over the last tenth of the steps (the mean).
    public var finalGeneratorLoss: Double { record.finalGeneratorLoss }

    /// The number of generator steps trained.
    public var steps: Int { record.steps }
}

extension RingOfGaussians {
    /// The number of modes on the ring.
    public var modes: Int { record.modes }

    /// Each mode's standard deviation σ.
    public var spread: Double { record.spread }

    /// The radius of the ring.
    public var radius: Double { record.radius }
}
