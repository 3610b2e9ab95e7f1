import Foundation
import Testing
@testable import course

/// A number a cell computed, shown in the lesson's text (`` `{swift} loss.total` ``), reads the
/// same in the site, the stepper and `course run` as in the cell's own metric; a name no cell
/// binds is a located error.
@Suite(.serialized) struct InlineValueTests {
    static let lesson = """
        ---
        title: Values
        summary: A number from the run in the text.
        ---

        ```swift cell id=train
        let data = fashionMNIST(trainingLimit: 100)
        let vae = trainVAE(on: data, latentSize: 2, epochs: 1, batchSize: 50)
        let loss = evaluateVAE(vae, on: data.test)
        ```

        The test loss is `{swift} loss.total` nats per image.

        ~~~swift cell id=recon caption="Reconstructions at a loss of `{swift} loss.total, digits: 1`"
        showReconstructions(vae, of: data.test, count: 4)
        ~~~

        """

    /// The metric's number in `course run`'s output: `test loss (negative ELBO)  243.87 nats per image`.
    static func metric(in output: String) throws -> String {
        let line = try #require(output.split(separator: "\n").first { $0.contains("test loss (negative ELBO)") })
        let words = line.split(separator: " ")
        let index = try #require(words.firstIndex(of: "nats"))
        return String(words[index - 1])
    }

    @Test func theTextShowsTheNumberTheMetricShows() throws {
        let course = try TinyCourse()
        try Data(Self.lesson.utf8).write(to: course.root.appendingPathComponent("Lessons/02-values.md"))

        let (status, run) = try course.run(["run", "2"])
        #expect(status == 0, "\(run.err)")
        let number = try Self.metric(in: run.out)
        #expect(run.out.contains("values in the text:\n  {swift} loss.total = \(number)\n  {swift} loss.total, digits: 1 = "), "\(run.out)")
        #expect(run.out.contains("Reconstructions at a loss of \(String(format: "%.1f", Double(number)!))"), "\(run.out)")

        let site = course.root.appendingPathComponent("site")
        let (buildStatus, build) = try course.run(["build", "--out", site.path])
        #expect(buildStatus == 0, "\(build.err)")
        let page = try String(contentsOf: site.appendingPathComponent("02-values.html"), encoding: .utf8)
        #expect(page.contains("The test loss is <span class=\"value\">\(number)</span> nats per image."))
        #expect(page.contains("Reconstructions at a loss of \(String(format: "%.1f", Double(number)!))"))

        let binary = try #require(CommandTests.courseBinary(), "the course binary is built beside the tests")
        let process = Process()
        process.executableURL = binary
        process.arguments = ["step", "2", "--plain", "--repository", course.root.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let stepped = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(stepped.contains("The test loss is \(number) nats per image."), "\(stepped)")
    }

    /// A claim the results do not support fails `course run` at the claim, quoting it and the
    /// values it compared; the cells that do not need it still run, and the page still renders.
    @Test func aFalseClaimFailsTheRunAtTheClaimAndTheRestRuns() throws {
        let course = try TinyCourse()
        let lesson = Self.lesson.replacingOccurrences(of: "The test loss is", with: """
            ```swift cell id=claim
            expect(loss.total < 1, "the loss is below one nat")
            ```

            The test loss is
            """)
        try Data(lesson.utf8).write(to: course.root.appendingPathComponent("Lessons/02-values.md"))
        let (status, run) = try course.run(["run", "2"])
        #expect(status == 1)
        let number = try Self.metric(in: run.out)
        #expect(run.err.contains("""
            Lessons/02-values.md:13:1: error: claim does not hold: "the loss is below one nat" (\(Double(number)!) < 1.0)
            """), "\(run.err)")
        #expect(run.out.contains("cell recon: ran in "), "\(run.out)")

        let site = course.root.appendingPathComponent("site")
        let (buildStatus, _) = try course.run(["build", "--out", site.path])
        #expect(buildStatus == 1)
        let page = try String(contentsOf: site.appendingPathComponent("02-values.html"), encoding: .utf8)
        #expect(page.contains("claim does not hold: &quot;the loss is below one nat&quot;"))
        #expect(page.contains("Reconstructions at a loss of"))
    }

    @Test func aNameNoCellBindsIsALocatedError() throws {
        let course = try TinyCourse()
        try Data(Self.lesson.replacingOccurrences(of: "is `{swift} loss.total`", with: "is `{swift} los.total`").utf8)
            .write(to: course.root.appendingPathComponent("Lessons/02-values.md"))
        let (status, check) = try course.run(["check", "2", "--no-swift"])
        #expect(status == 1)
        #expect(check.err.contains("Lessons/02-values.md:12:19: error: no cell binds 'los', which the text shows\n  hint: did you mean 'loss'?"), "\(check.err)")
    }

    @Test func aBacktickInAFencesInfoStringSaysToUseTildes() throws {
        let course = try TinyCourse()
        try Data(Self.lesson.replacingOccurrences(of: "~~~", with: "```").utf8).write(to: course.root.appendingPathComponent("Lessons/02-values.md"))
        let (status, check) = try course.run(["check", "2", "--no-swift"])
        #expect(status == 1)
        #expect(check.err.contains("Lessons/02-values.md:14:1: error: a code fence opened with ``` cannot have a backtick in its info string\n  hint: open and close the block with ~~~ instead"), "\(check.err)")
    }
}
