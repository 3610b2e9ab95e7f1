import Foundation
import LessonModel
import NeuralNetworks
import Outputs
import Synchronization
import Tensors
import TerminalStepper

/// Runs the fixture lesson's three cells for real on a tiny VAE: `train` trains it on
/// ``ShapesData`` (slowed down by a delay per step, so a test can watch the progress bar and
/// press Ctrl-C), `samples` decodes codes from the prior, `codes` plots the images' codes.
/// Results are cached in memory, as the runner caches them on disk. Figures are captioned as
/// the course's steps caption them; the lesson's `caption=` attributes are the stepper's to apply.
final class FixtureExecutor: CellExecuting, @unchecked Sendable {
    private let lesson: Lesson
    private let stepDelay: Double
    private let stopRequested = Atomic<Bool>(false)
    private let state = Mutex<State>(State())
    private let data = ShapesData(count: 240, seed: 11)

    private struct State {
        var cache: [Int: ExecutedCell] = [:]
        var model: TrainedModel?
    }

    /// The trained model, handed between the cells' threads one at a time (a cell runs only
    /// when no other does), which makes sharing it safe.
    private final class TrainedModel: @unchecked Sendable {
        let vae: VAE
        init(_ vae: VAE) { self.vae = vae }
    }

    /// Stops training when Ctrl-C was pressed.
    private struct Interrupted: Error {}

    /// The seconds results report, fixed so that printed output is the same on every run.
    static let reportedSeconds = 1.5

    init(lesson: Lesson, stepDelayMilliseconds: Int) {
        self.lesson = lesson
        self.stepDelay = Double(stepDelayMilliseconds) / 1000
    }

    func execute(cellAt index: Int, fresh: Bool, report: @escaping @Sendable (RunEvent) -> Void) -> ExecutedCell {
        stopRequested.store(false, ordering: .relaxed)
        let cell = lesson.cells[index]
        if !fresh, var cached = state.withLock({ $0.cache[index] }) {
            cached.status = .cached
            return cached
        }
        let started = ContinuousClock.now
        do {
            let outputs = try outputs(of: cell) { cellID, progress in report(.training(cellID: cellID, progress)) }
            let result = ExecutedCell(cellID: cell.id, status: .ran, outputs: outputs, seconds: Self.reportedSeconds,
                                      cacheKey: "fixture-\(cell.id)")
            state.withLock { $0.cache[index] = result }
            return result
        } catch is Interrupted {
            // Nothing of the stopped run is kept; an earlier cached result stays valid.
            let elapsed = (ContinuousClock.now - started).components
            let seconds = Double(elapsed.seconds) + Double(elapsed.attoseconds) * 1e-18
            return ExecutedCell(cellID: cell.id, status: .interrupted, outputs: [], seconds: seconds,
                                cacheKey: "")
        } catch {
            return ExecutedCell(cellID: cell.id, status: .failed(.error(at: cell.range.start, "\(error)")), outputs: [],
                                seconds: Self.reportedSeconds, cacheKey: "")
        }
    }

    func interrupt() { stopRequested.store(true, ordering: .relaxed) }

    /// As the runner judges it: a cached cell is restored at once, others take what they took last time.
    func expectedSeconds(cellAt index: Int, fresh: Bool) -> Double? {
        state.withLock { state in
            state.cache[index].map { fresh ? $0.seconds : 0 }
        }
    }

    private func outputs(of cell: Cell, progress: @escaping @Sendable (_ cellID: String, TrainingProgress) -> Void) throws -> [DisplayItem] {
        switch cell.id {
        case "train":
            let history = try train(progress: progress).history
            let epochs = (1...history.kl.count).map(Double.init)
            let chart = LineChart(title: "Loss per epoch", xLabel: "epoch", yLabel: "nats per image", series: [
                .init(name: "reconstruction", x: epochs, y: history.reconstruction),
                .init(name: "KL", x: epochs, y: history.kl),
            ])
            return [
                .metrics([Metric(name: "reconstruction", value: history.reconstruction.last!, unit: "nats"),
                          Metric(name: "KL", value: history.kl.last!, unit: "nats")]),
                .chart(.line(chart), caption: "Training loss per epoch: the reconstruction term and the KL term", altText: "Both loss terms per epoch."),
            ]
        case "samples":
            let model = try trainedModel(progress: progress)
            var generator = RandomGenerator(seed: 5)
            let images = model.generate(count: 16, generator: &generator)
            let grid = ImageGrid(pixels: images.array, imageRows: 28, imageColumns: 28, gridColumns: 8, padding: 2, scale: 1)
            return [.imageGrid(grid, caption: "16 new images decoded from random codes", altText: "Sixteen images decoded from random codes.")]
        case "codes":
            let model = try trainedModel(progress: progress)
            let codes = model.meanCodes(of: data.images)
            let plot = ScatterPlot(title: "Mean codes", xLabel: "z₁", yLabel: "z₂",
                                   x: (0..<codes.rows).map { Double(codes[$0, 0]) }, y: (0..<codes.rows).map { Double(codes[$0, 1]) },
                                   classes: data.classes, classNames: ShapesData.classNames)
            let counts = ShapesData.classNames.indices.map { kind in data.classes.filter { $0 == kind }.count }
            return [
                .chart(.scatter(plot), caption: "The code of each image, colored by class", altText: "The codes of the three shapes."),
                .table(Table(header: ["shape", "images"], rows: zip(ShapesData.classNames, counts).map { [$0, String($1)] })),
                .text("\(codes.rows) codes plotted"),
            ]
        default:
            return [.text("ran \(cell.id)")]
        }
    }

    /// The model `train` made, training it first when it has not run (as the runner would
    /// restore or run a cell's dependency).
    private func trainedModel(progress: @escaping @Sendable (_ cellID: String, TrainingProgress) -> Void) throws -> VAE {
        if let model = state.withLock({ $0.model }) { return model.vae }
        return try train(progress: progress).model
    }

    private func train(progress: @escaping @Sendable (_ cellID: String, TrainingProgress) -> Void) throws -> (model: VAE, history: VAE.History) {
        var generator = RandomGenerator(seed: 7)
        let model = VAE(VAE.Configuration(inputSize: 784, hiddenSize: 32, latentSize: 2), generator: &generator)
        let optimizer = Adam(parameters: model.parameters, learningRate: 3e-3)
        let history = try model.train(on: data.images, epochs: 3, batchSize: 24, optimizer: optimizer, generator: &generator) { report in
            if self.stepDelay > 0 { Thread.sleep(forTimeInterval: self.stepDelay) }
            if self.stopRequested.load(ordering: .relaxed) { throw Interrupted() }
            progress("train", report)
        }
        let trained = TrainedModel(model)
        state.withLock { $0.model = trained }
        return (model, history)
    }
}
