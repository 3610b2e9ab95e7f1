import CourseSteps
import Figures
import Foundation
import LessonModel
import Outputs
import Synchronization
import Testing
@testable import LessonRunner

/// The tiny VAE lesson, run once into a cache that each test copies, so only the tests that
/// must retrain do.
final class BaseRun: Sendable {
    static let shared = BaseRun()

    let repository: FixtureRepository
    let executed: ExecutedLesson

    private init() {
        repository = try! FixtureRepository("tiny-vae")
        let runner = try! repository.runner()
        executed = try! runner.run(lesson: try! repository.lesson(Self.lessonPath))
    }

    static let lessonPath = "Lessons/01-tiny-vae.md"

    /// A fresh copy of the repository with the base run's cache.
    func copy() throws -> FixtureRepository {
        try FixtureRepository("tiny-vae", cacheFrom: repository)
    }

    func figureBytes(_ cellID: String) -> [UInt8]? {
        executed.cell(id: cellID)?.outputs.compactMap { $0.figureFileBytes() }.first
    }
}

extension ExecutedLesson {
    /// The ids of the cells that ran (executed) in this run.
    var ranCells: [String] {
        cells.filter { $0.status == .ran }.map(\.cellID)
    }
}

@Suite(.serialized) struct CacheTests {
    let lessonPath = BaseRun.lessonPath

    @Test func firstRunRunsEveryCellAndShowsTheirOutputs() {
        let executed = BaseRun.shared.executed
        #expect(executed.ranCells == ["data", "train", "recon", "other"])
        #expect(!executed.hasFailures)
        #expect(executed.cell(id: "train")?.outputs.first?.figureFileExtension == "svg")
        #expect(executed.cell(id: "recon")?.outputs.first?.figureFileExtension == "png")
        // An unbound expression shows its value's summary, as a notebook would.
        #expect(executed.cell(id: "data")?.outputs == [.text("ImageSet: 200 images (train)")])
    }

    @Test func secondRunExecutesNothingAndTakesUnderOneSecond() throws {
        let repository = try BaseRun.shared.copy()
        let runner = try repository.runner()
        let start = ContinuousClock.now
        let executed = try runner.run(lesson: try repository.lesson(lessonPath))
        let elapsed = ContinuousClock.now - start
        #expect(executed.ranCells.isEmpty)
        #expect(executed.cells.allSatisfy { $0.status == .cached })
        #expect(elapsed < .seconds(1), "the cached run took \(elapsed)")
        for cell in executed.cells {
            #expect(cell.outputs == BaseRun.shared.executed.cell(id: cell.cellID)?.outputs)
            #expect(cell.cacheKey == BaseRun.shared.executed.cell(id: cell.cellID)?.cacheKey)
        }
    }

    @Test func editingOneArgumentRerunsThatCellAndItsDependents() throws {
        let repository = try BaseRun.shared.copy()
        try repository.edit(lessonPath, replacing: "batchSize: 100", with: "batchSize: 50")
        let runner = try repository.runner()
        let lesson = try repository.lesson(lessonPath)
        let freshness = try runner.freshness(of: lesson)
        #expect(freshness.map(\.reasons) == [[], ["source changed"], ["upstream cell 'train' changed"], []])

        let executed = try runner.run(lesson: lesson)
        #expect(executed.ranCells == ["train", "recon"])
        #expect(executed.cell(id: "data")?.status == .cached)
        #expect(executed.cell(id: "other")?.status == .cached)
        #expect(try runner.freshness(of: lesson).allSatisfy(\.isCached))
    }

    @Test func theExpectedTimeOfARunAddsTheLastRunsOfTheCellsItWillExecute() throws {
        let repository = try BaseRun.shared.copy()
        try repository.edit(lessonPath, replacing: "batchSize: 100", with: "batchSize: 50")
        let runner = try repository.runner()
        let lesson = try repository.lesson(lessonPath)
        #expect(try runner.freshness(of: lesson).map(\.isCached) == [true, false, false, true])
        func seconds(_ id: String) throws -> Double { try #require(BaseRun.shared.executed.cell(id: id)?.seconds) }
        // recon needs train, stale since its source changed: both run, data is restored.
        #expect(runner.expectedSeconds(of: lesson, cell: "recon", fresh: false) == (try seconds("train")) + (try seconds("recon")))
        #expect(runner.expectedSeconds(of: lesson, cell: "data", fresh: false) == 0, "restored from the cache")
        #expect(runner.expectedSeconds(of: lesson, cell: "data", fresh: true) == (try seconds("data")))

        let clean = try FixtureRepository("tiny-vae")
        let cleanRunner = try clean.runner()
        #expect(cleanRunner.expectedSeconds(of: try clean.lesson(lessonPath), cell: "train", fresh: false) == nil, "never run")
    }

    @Test func whitespaceAndCommentsDoNotChangeTheKey() throws {
        let repository = try BaseRun.shared.copy()
        try repository.edit(lessonPath, replacing: "count: 8)", with: "count:   8 )   // eight images")
        try repository.edit(lessonPath, replacing: "trainingLimit: 200", with: "trainingLimit: 2_00")
        let runner = try repository.runner()
        #expect(try runner.freshness(of: repository.lesson(lessonPath)).allSatisfy(\.isCached))
    }

    /// verify's tolerance judges results and does not make them.
    @Test func aToleranceDoesNotChangeTheKey() throws {
        let repository = try BaseRun.shared.copy()
        try repository.edit(lessonPath, replacing: "```swift cell id=recon", with: "```swift cell id=recon tolerance=0.01")
        let runner = try repository.runner()
        #expect(try runner.freshness(of: repository.lesson(lessonPath)).allSatisfy(\.isCached))
    }

    @Test func changingMLCodeMarksItsCellsStaleButARendererChangeDoesNot() throws {
        let repository = try BaseRun.shared.copy()
        try repository.write("struct Page { let dark = true }\n", to: "Sources/HTMLSite/HTMLSite.swift")
        var runner = try repository.runner()
        let lesson = try repository.lesson(lessonPath)
        #expect(try runner.freshness(of: lesson).allSatisfy(\.isCached))

        try repository.write("struct Model { let layers = 3 }\n", to: "Sources/NeuralNetworks/NeuralNetworks.swift")
        runner = try repository.runner()
        let freshness = try runner.freshness(of: lesson)
        #expect(freshness.allSatisfy { $0.reasons.contains("module NeuralNetworks changed") })
        #expect(freshness.first { $0.cellID == "recon" }?.reasons == ["upstream cell 'data' changed", "upstream cell 'train' changed", "module NeuralNetworks changed"])
    }

    /// With the repository's real sources: restyling a figure (the SVG encoder's styles) or the
    /// site (its stylesheet) leaves every cached cell fresh, and editing Adam makes the cells
    /// that train stale, and says why.
    @Test func restylingFiguresLeavesEveryCellFreshButEditingAdamDoesNot() throws {
        let repository = try FixtureRepository("tiny-vae")
        try repository.replaceSources(with: FixtureRepository.realRepository.appendingPathComponent("Sources"))
        let lesson = try repository.lesson(lessonPath)
        let run = try repository.runner().run(lesson: lesson)
        #expect(run.ranCells == ["data", "train", "recon", "other"] && !run.hasFailures)
        #expect(try repository.runner().freshness(of: lesson).allSatisfy(\.isCached))

        try repository.edit("Sources/Figures/SVGText.swift", replacing: ".grid{stroke:#000;stroke-opacity:.1;", with: ".grid{stroke:#000;stroke-opacity:.2;")
        try repository.edit("Sources/HTMLSite/Resources/style.css", replacing: "--accent: #3451b2;", with: "--accent: #2a41a0;")
        let restyled = try repository.runner().freshness(of: lesson)
        #expect(restyled.map(\.cellID) == ["data", "train", "recon", "other"])
        #expect(restyled.flatMap(\.reasons) == [])

        try repository.edit("Sources/NeuralNetworks/Adam.swift", replacing: "epsilon: Float = 1e-8", with: "epsilon: Float = 1e-7")
        let edited = try repository.runner().freshness(of: lesson)
        #expect(edited.first { $0.cellID == "train" }?.reasons.contains("module NeuralNetworks changed") == true)
        #expect(edited.first { $0.cellID == "recon" }?.isCached == false)
    }

    @Test func aStepThatDependsOnNoMLModuleIsNotInvalidatedByOne() throws {
        let repository = try FixtureRepository("tiny-vae")
        try repository.write("---\ntitle: T\nsummary: S.\n---\n\n```swift cell id=hello\ngreet(name: \"Ada\")\n```\n\nEnd.\n", to: "Lessons/02-hello.md")
        let greet = Step("greet", parameters: [.init("name", .string, doc: "who")], result: .void, doc: "Says hello.", modules: []) { arguments in
            Display.show(text: "Hello, \(arguments[0].string)!")
            return .void
        }
        let runner = try repository.runner(catalogAdding: [greet])
        let lesson = try repository.lesson("Lessons/02-hello.md")
        #expect(try runner.run(lesson: lesson).cells.first?.outputs == [.text("Hello, Ada!")])
        try repository.write("struct Model { let changed = true }\n", to: "Sources/NeuralNetworks/NeuralNetworks.swift")
        #expect(try repository.runner(catalogAdding: [greet]).freshness(of: lesson).allSatisfy(\.isCached))
    }

    @Test func runningOneCellOnACleanCacheReproducesItsFigureByteForByte() throws {
        let repository = try FixtureRepository("tiny-vae")
        let runner = try repository.runner()
        let executed = try runner.run(lesson: try repository.lesson(lessonPath), cell: "recon")
        #expect(executed.cells.map(\.cellID) == ["data", "train", "recon"])
        #expect(executed.ranCells == ["data", "train", "recon"])
        let png = try #require(executed.cell(id: "recon")?.outputs.first?.figureFileBytes())
        #expect(png == BaseRun.shared.figureBytes("recon"))
        #expect(executed.cell(id: "train")?.outputs.first?.figureFileBytes() == BaseRun.shared.figureBytes("train"))
    }

    @Test func aFreshCellRerunsAloneWhenWhatItNeedsIsCached() throws {
        let repository = try BaseRun.shared.copy()
        let runner = try repository.runner()
        let lesson = try repository.lesson(lessonPath)
        let executed = try runner.run(lesson: lesson, cell: "recon", fresh: true)
        #expect(executed.cells.map(\.status) == [.cached, .cached, .ran])
        #expect(executed.cell(id: "recon")?.outputs == BaseRun.shared.executed.cell(id: "recon")?.outputs)
        #expect(try runner.run(lesson: lesson, fresh: true).ranCells == ["data", "train", "recon", "other"])
    }

    @Test func verifyReportsEveryOutputIdentical() throws {
        let repository = try BaseRun.shared.copy()
        let runner = try repository.runner()
        let entriesBefore = try repository.entries().map(\.lastPathComponent).sorted()
        let report = try Verifier(runner: runner).verify(try repository.lesson(lessonPath))
        #expect(report.passed)
        #expect(report.problems.isEmpty)
        #expect(report.items.map(\.cellID) == ["data", "train", "recon"])
        #expect(report.items.allSatisfy { $0.verdict == .identical })
        // The real cache is untouched.
        #expect(try repository.entries().map(\.lastPathComponent).sorted() == entriesBefore)
    }

    @Test func aCorruptOutputFileIsDetectedAndRecomputed() throws {
        let repository = try BaseRun.shared.copy()
        let runner = try repository.runner()
        let lesson = try repository.lesson(lessonPath)
        let key = try runner.plan(lesson).key(of: "recon")
        try flipByte(in: repository.cacheFolder.appendingPathComponent("entries/\(key)/outputs.bin"))
        #expect(try runner.freshness(of: lesson).allSatisfy(\.isCached), "list reads manifests only")

        let notices = Notices()
        let executed = try runner.run(lesson: lesson, progress: notices.record)
        #expect(executed.ranCells == ["recon"])
        #expect(notices.messages.contains { $0.hasPrefix("cache entry for cell 'recon' is corrupt") && $0.hasSuffix("; recomputing") })
        #expect(executed.cell(id: "recon")?.outputs == BaseRun.shared.executed.cell(id: "recon")?.outputs)
        #expect(try runner.run(lesson: lesson).ranCells.isEmpty)
    }

    @Test func aCorruptCheckpointIsDetectedAndItsCellRecomputed() throws {
        let repository = try BaseRun.shared.copy()
        let runner = try repository.runner()
        let lesson = try repository.lesson(lessonPath)
        let trainKey = try runner.plan(lesson).key(of: "train")
        try flipByte(in: repository.cacheFolder.appendingPathComponent("entries/\(trainKey)/value-1.bin"))
        try repository.edit(lessonPath, replacing: "count: 8", with: "count: 6")

        let notices = Notices()
        let executed = try runner.run(lesson: lesson.edited(in: repository, runner: runner), progress: notices.record)
        #expect(executed.ranCells == ["train", "recon"])
        #expect(notices.messages.contains { $0.hasPrefix("cache entry for cell 'train' is corrupt") })
        #expect(executed.cell(id: "train")?.outputs == BaseRun.shared.executed.cell(id: "train")?.outputs)
    }

    @Test func aCorruptManifestIsDetected() throws {
        let repository = try BaseRun.shared.copy()
        let runner = try repository.runner()
        let lesson = try repository.lesson(lessonPath)
        let key = try runner.plan(lesson).key(of: "other")
        try flipByte(in: repository.cacheFolder.appendingPathComponent("entries/\(key)/manifest.json"))
        #expect(try runner.freshness(of: lesson).first { $0.cellID == "other" }?.reasons == ["cache entry is corrupt"])
        #expect(try runner.run(lesson: lesson).ranCells == ["other"])
    }

    @Test func leftoversOfAKilledRunAreIgnoredAndRemoved() throws {
        let repository = try BaseRun.shared.copy()
        let entries = repository.cacheFolder.appendingPathComponent("entries")
        let deadPID = try Self.pidOfFinishedProcess()
        // A half-written entry folder and a half-written record, as SIGKILL mid-write leaves them.
        let partial = entries.appendingPathComponent(".tmp-\(deadPID)-0000")
        try FileManager.default.createDirectory(at: partial, withIntermediateDirectories: true)
        try Data("{\"key\": \"abc".utf8).write(to: partial.appendingPathComponent("manifest.json"))
        try Data([1, 2, 3]).write(to: partial.appendingPathComponent("value-1.bin"))
        try Data("{\"ke".utf8).write(to: repository.cacheFolder.appendingPathComponent("cells/tiny-vae/.tmp-\(deadPID)-1111"))

        let runner = try repository.runner()
        #expect(!FileManager.default.fileExists(atPath: partial.path), "opening the cache removes a dead run's leftovers")
        #expect(try FileManager.default.contentsOfDirectory(atPath: repository.cacheFolder.appendingPathComponent("cells/tiny-vae").path).sorted()
            == ["data.json", "other.json", "recon.json", "train.json"])
        let executed = try runner.run(lesson: try repository.lesson(lessonPath))
        #expect(executed.ranCells.isEmpty)
        #expect(executed.cells.map(\.outputs) == BaseRun.shared.executed.cells.map(\.outputs))
    }

    @Test func aCellServedFromTheCacheIsRecordedWhenItsRecordIsMissing() throws {
        // A build killed after storing an entry and before recording it leaves no record.
        let repository = try BaseRun.shared.copy()
        let record = repository.cacheFolder.appendingPathComponent("cells/tiny-vae/recon.json")
        let recorded = try Data(contentsOf: record)
        try FileManager.default.removeItem(at: record)

        let executed = try repository.runner().run(lesson: try repository.lesson(lessonPath))
        #expect(executed.ranCells.isEmpty)
        #expect(try Data(contentsOf: record) == recorded, "the next build records the entry it served")
    }

    // MARK: Helpers

    private func flipByte(in url: URL) throws {
        var bytes = Array(try Data(contentsOf: url))
        bytes[bytes.count / 2] ^= 0x5A
        try Data(bytes).write(to: url)
    }

    static func pidOfFinishedProcess() throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/true")
        try process.run()
        process.waitUntilExit()
        return process.processIdentifier
    }
}

/// Collects a run's notices.
final class Notices: Sendable {
    private let storage = Mutex<[String]>([])
    var messages: [String] { storage.withLock { $0 } }

    var record: @Sendable (RunEvent) -> Void {
        { [self] event in
            if case .notice(let message) = event { self.storage.withLock { $0.append(message) } }
        }
    }
}

extension Lesson {
    /// The lesson as re-read from the repository after an edit.
    func edited(in repository: FixtureRepository, runner: Runner) throws -> Lesson {
        try repository.lesson(path)
    }
}
