import Foundation
import LessonRunner
import Synchronization
import CourseSteps
import StepFixtures
import Testing
@testable import course
import TestSupport

/// Collects what a command prints.
final class Captured: Sendable {
    private let lines = Mutex<(out: [String], err: [String])>(([], []))
    var out: String { lines.withLock { $0.out.joined(separator: "\n") } }
    var err: String { lines.withLock { $0.err.joined(separator: "\n") } }

    var console: Console {
        Console(out: { line in self.lines.withLock { $0.out.append(line) } },
                err: { line in self.lines.withLock { $0.err.append(line) } })
    }
}

/// A temporary copy of the tiny course.
final class TinyCourse: Sendable {
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/tiny-course")
    let folder: TemporaryFolder
    var root: URL { folder.url }

    init() throws {
        folder = try TemporaryFolder(copying: Self.fixture, prefix: "course-tests")
    }

    /// Parses `arguments` as the shell would pass them, with `--repository` added.

    func run(_ arguments: [String]) throws -> (status: Int32, output: Captured) {
        let captured = Captured()
        let parsed = try Course.parseAsRoot(arguments + ["--repository", root.path])
        let command = try #require(parsed as? any ConsoleCommand)
        return (try command.execute(console: captured.console), captured)
    }

    var lesson: URL { root.appendingPathComponent("Lessons/01-first-look.md") }
}

@Suite(.serialized) struct CommandTests {
    @Test func runPrintsOutputsWritesFiguresAndCachesThenListAndVerify() throws {
        let course = try TinyCourse()
        let figures = course.root.appendingPathComponent("figs")
        let (status, first) = try course.run(["run", "first-look", "--out", figures.path])
        #expect(status == 0, "\(first.err)")
        #expect(first.out.contains("cell data: ran in "))
        #expect(first.out.contains("cell train: ran in "))
        // As `course step --plain` prints it: the figure's file, named as everywhere, then the
        // cell's caption, not the step's own.
        #expect(first.out.contains("cell recon: ran in ") && first.out.contains("""

            ▣ figure saved to \(figures.path)/first-look-recon-1.png
            """), "\(first.out)")
        #expect(first.out.contains("\nReconstructions\n"), "\(first.out)")
        #expect(first.out.contains("▣ figure saved to \(figures.path)/first-look-train-1.svg\n"), "\(first.out)")
        let png = try Data(contentsOf: figures.appendingPathComponent("first-look-recon-1.png"))
        #expect(Array(png.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        #expect(FileManager.default.fileExists(atPath: figures.appendingPathComponent("first-look-train-1.svg").path))

        let (_, second) = try course.run(["run", "1", "--cell", "recon", "--out", figures.path])
        #expect(second.out.contains("cell recon: cached (ran in "))
        #expect(!second.out.contains("running cell"))
        #expect(try Data(contentsOf: figures.appendingPathComponent("first-look-recon-1.png")) == png)

        let (listStatus, list) = try course.run(["list"])
        #expect(listStatus == 0)
        #expect(list.out.contains("Lessons/01-first-look.md  A first look"))
        #expect(list.out.contains("  recon  cached  (ran in "))

        let text = try String(contentsOf: course.lesson, encoding: .utf8)
        try text.replacingOccurrences(of: "count: 4", with: "count: 3").write(to: course.lesson, atomically: true, encoding: .utf8)
        let (_, stale) = try course.run(["list"])
        #expect(stale.out.contains("  recon  stale   source changed"))
        #expect(stale.out.contains("  train  cached"))

        _ = try course.run(["run", "1", "--out", figures.path])
        let (verifyStatus, verify) = try course.run(["verify"])
        #expect(verifyStatus == 0, "\(verify.out)\n\(verify.err)")
        #expect(verify.out.contains("  recon #1 figure (png) \"Test images (top) and their reconstructions from the mean code (bottom)\": identical"))
        #expect(verify.out.contains("verified: every output reproduced"))
    }

    @Test func courseYmlNamesTheSiteAndAMalformedOneIsALocatedError() throws {
        let course = try TinyCourse()
        let manifest = course.root.appendingPathComponent("course.yml")
        try "title: A tiny course\nauthor: Ada\nlessons: [first-look]\n".write(to: manifest, atomically: true, encoding: .utf8)
        let site = course.root.appendingPathComponent("site")
        let (status, output) = try course.run(["build", "--out", site.path])
        #expect(status == 0, "\(output.err)")
        let index = try String(contentsOf: site.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(index.contains("<title>A tiny course</title>") && index.contains("<h1>A tiny course</h1>\n<p class=\"home-subtitle home-author\">By Ada</p>"))

        try "title: A tiny course\nlessons: [first-look, second-look]\n".write(to: manifest, atomically: true, encoding: .utf8)
        let (checkStatus, check) = try course.run(["check", "--no-swift"])
        #expect(checkStatus == 1)
        #expect(check.err == "course.yml:2:23: error: 'second-look' names no lesson in 'Lessons'\n  hint: lessons: 01 first-look")
        let (buildStatus, build) = try course.run(["build", "--out", site.path])
        #expect(buildStatus == 1)
        #expect(build.err.hasPrefix("course.yml:2:23: error: 'second-look' names no lesson"))
    }

    @Test func checkReportsLocatedErrorsAndExitsOne() throws {
        let course = try TinyCourse()
        let text = try String(contentsOf: course.lesson, encoding: .utf8)
        try text.replacingOccurrences(of: "epochs: 1", with: "epoch: 1").write(to: course.lesson, atomically: true, encoding: .utf8)
        let (status, output) = try course.run(["check", "--no-swift"])
        #expect(status == 1)
        #expect(output.err == "Lessons/01-first-look.md:13:45: error: unknown argument label 'epoch'\n  hint: did you mean 'epochs'?")
        #expect(output.out == "checked 1 lesson: 1 error")

        let (runStatus, run) = try course.run(["run", "1"])
        #expect(runStatus == 1)
        #expect(run.err.hasPrefix("Lessons/01-first-look.md:13:45: error: unknown argument label 'epoch'"))
    }

    /// Arguments that each pass their range checks but together ask for what the model does
    /// not have: `course run` reports the failed cell at the argument, with a hint, and exits 1.
    @Test func runReportsARejectedCombinationOfArgumentsAtTheArgument() throws {
        let course = try TinyCourse()
        let text = try String(contentsOf: course.lesson, encoding: .utf8)
        try text.replacingOccurrences(of: "let vae = trainVAE(on: data, latentSize: 2,", with: "let vae = trainAutoencoder(on: data, latentSize: 1,")
            .replacingOccurrences(of: "showReconstructions(vae, of: data.test, count: 4)", with: "showCodes(vae, of: data.test, count: 4)")
            .write(to: course.lesson, atomically: true, encoding: .utf8)
        let (status, output) = try course.run(["run", "1"])
        #expect(status == 1)
        #expect(output.err == """
            1 cell failed:
            Lessons/01-first-look.md:17:11: error: 'showCodes' failed: a scatter plot of codes shows the first two numbers of each code, and this model's codes have only 1
              hint: train it with latentSize: 2 or more
            """)
        #expect(output.out.contains("cell train: ran in "))
    }

    @Test func checkWithTheSwiftCompilerPassesACorrectCourse() throws {
        let course = try TinyCourse()
        let (status, output) = try course.run(["check", "1"])
        #expect(status == 0, "\(output.err)")
        #expect(output.err.isEmpty, "the compiler check must run: \(output.err)")
        #expect(output.out == "checked 1 lesson: 0 errors")
    }

    @Test func anUnknownLessonIsALocatedErrorWithSuggestions() throws {
        let course = try TinyCourse()
        let (status, output) = try course.run(["run", "first-lok"])
        #expect(status == 1)
        #expect(output.err == "Lessons: error: no lesson matches 'first-lok'\n  hint: did you mean 'first-look'? lessons: 01 first-look")
    }

    @Test func aBinaryOlderThanTheLibrarySourcesSaysRebuild() throws {
        let course = try TinyCourse()
        let folder = course.root.appendingPathComponent("Sources/NeuralNetworks")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data("struct Edited {}\n".utf8).write(to: folder.appendingPathComponent("Edited.swift"))
        let (status, output) = try course.run(["list"])
        #expect(status == 0)
        #expect(output.err == "warning: Sources/NeuralNetworks changed since this course binary was built; rebuild it ('swift build') to run the current code")
    }

    @Test func stepsListsEveryStepWithItsParameters() {
        let captured = Captured()
        StepsCommand().execute(console: captured.console)
        #expect(captured.out.contains("trainVAE(on: CourseData, latentSize: Int = 20, epochs: Int = 5, batchSize: Int = 128, learningRate: Double = 0.001, klWeight: Double = 1.0, reconstruction: VAE.Reconstruction = .binaryCrossEntropy, seed: Int? = nil) -> TrainedVAE\n    Trains a VAE and shows its loss per epoch.\n    on: the data to train on\n    latentSize: the size of a code (1…512)"))
        #expect(captured.out.contains("CourseData.test: ImageSet\n    The 10,000 test images."))
        #expect(captured.out.contains("    reconstruction: `.binaryCrossEntropy` or `.squaredError` (summed over pixels)\n"))
    }

    /// A step declared in a new file of a `Steps/` folder (the test module `StepFixtures`) is
    /// listed with its parameters and docs, with nothing but that file written for it.
    @Test func stepsListsAStepDeclaredInANewFile() {
        let captured = Captured()
        StepsCommand().execute(console: captured.console, catalog: StepCatalog.steps + fixtureSteps)
        #expect(captured.out.hasSuffix("""

            doubled(_: Double, label: String = "twice") -> Double
                Shows and returns twice a number.
                _: the number to double (-1e+06…1e+06)
                label: the name the metric is shown under
            """))
    }

    @Test func aRunKilledWithSIGKILLLeavesAUsableCache() throws {
        let binary = try #require(Self.courseBinary(), "the course binary is built beside the tests")
        let course = try TinyCourse()
        let figures = course.root.appendingPathComponent("figs")
        for delay in [0.15, 0.3, 0.45, 0.6, 0.75, 0.9, 1.2] {
            let process = Process()
            process.executableURL = binary
            process.arguments = ["run", "1", "--repository", course.root.path, "--out", figures.path]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            usleep(UInt32(delay * 1_000_000))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        let (status, output) = try course.run(["run", "1", "--out", figures.path])
        #expect(status == 0, "\(output.err)")
        let killed = try Data(contentsOf: figures.appendingPathComponent("first-look-recon-1.png"))

        let clean = try TinyCourse()
        let cleanFigures = clean.root.appendingPathComponent("figs")
        #expect(try clean.run(["run", "1", "--out", cleanFigures.path]).status == 0)
        #expect(try Data(contentsOf: cleanFigures.appendingPathComponent("first-look-recon-1.png")) == killed)
        #expect(try Data(contentsOf: cleanFigures.appendingPathComponent("first-look-train-1.svg")) == Data(contentsOf: figures.appendingPathComponent("first-look-train-1.svg")))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: course.root.appendingPathComponent(".course-cache/entries").path)
            .filter { $0.hasPrefix(".tmp-") }
        #expect(leftovers.isEmpty)
    }

    /// The `course` executable of this build: beside the test bundle.
    static func courseBinary() -> URL? {
        var folder = Bundle.main.executableURL?.resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<3 {
            guard let current = folder else { return nil }
            let candidate = current.appendingPathComponent("course")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            folder = current.deletingLastPathComponent()
        }
        return nil
    }
}
