import CourseSteps
import Outputs
import Foundation
import LessonModel
import StepFixtures
import Testing
@testable import LessonRunner

/// A step is a documented public function in a `Steps/` folder, and nothing else: the test
/// module `StepFixtures` holds one file, `Steps/Doubling.swift`, and its generated catalog
/// entry has the function's labels, types, default, range and docs, and a cell can call it.
@Suite struct DeclaredStepTests {
    static let lesson = """
        ---
        title: Doubling
        summary: A step from a fixture module.
        ---

        ```swift cell id=double
        let twice = doubled(21)
        doubled(-0.5, label: "half")
        ```

        """

    @Test func theCatalogEntryIsTheDeclarations() throws {
        let step = try #require(fixtureSteps.first { $0.name == "doubled" })
        #expect(fixtureSteps.count == 1)
        #expect(StepSignature(step).swiftDeclaration == #"doubled(_: Double, label: String = "twice") -> Double"#)
        #expect(step.doc == "Shows and returns twice a number.")
        #expect(step.parameters.map(\.doc) == ["the number to double", "the name the metric is shown under"])
        #expect(step.parameters[0].range == -1e6...1e6)
        #expect(step.parameters[1].range == nil)
        #expect(step.modules == StepCatalog.mlModules)
    }

    @Test func aCellCallsTheNewStepByItsLabels() throws {
        let repository = try FixtureRepository("tiny-vae")
        try repository.write(Self.lesson, to: "Lessons/02-doubling.md")
        let runner = try repository.runner(catalogAdding: fixtureSteps)
        let lesson = try repository.lesson("Lessons/02-doubling.md")
        let executed = try runner.run(lesson: lesson)
        #expect(executed.cells[0].outputs == [
            .metrics([Metric(name: "twice", value: 42)]), .metrics([Metric(name: "half", value: -1)]), .text("-1.0"),
        ])
    }

    /// The range is the function's own check, read by the generator: the checker rejects a
    /// literal out of it before anything runs, in the words the function uses at run time.
    @Test func theFunctionsRangeCheckIsTheCheckersToo() throws {
        let repository = try FixtureRepository("tiny-vae")
        try repository.write(Self.lesson + "```swift cell id=wrong\ndoubled(2e6)\n```\n", to: "Lessons/02-doubling.md")
        let runner = try repository.runner(catalogAdding: fixtureSteps)
        let lesson = try repository.lesson("Lessons/02-doubling.md")
        do {
            _ = try runner.check(lesson)
            Issue.record("the checker accepted doubled(2e6)")
        } catch {
            #expect(error.diagnostics.map(\.message) == ["value out of range for the argument: 2e+06"])
            #expect(error.diagnostics.map(\.hint) == ["the argument takes values from -1e+06 to 1e+06"])
            #expect(error.diagnostics.map { [$0.location.line, $0.location.column] } == [[11, 9]])
        }
        do {
            _ = try doubled(2e6)
            Issue.record("doubled(2e6) returned")
        } catch {
            #expect("\(error)" == "value out of range for the argument: 2e+06; the argument takes values from -1e+06 to 1e+06")
        }
    }

    /// A plain Swift caller gets the same range check as a cell.
    @Test func plainSwiftCallersGetTheRangeCheck() {
        do {
            _ = try fashionMNIST(trainingLimit: 0)
            Issue.record("fashionMNIST(trainingLimit: 0) returned")
        } catch {
            #expect("\(error)" == "value out of range for 'trainingLimit': 0; 'trainingLimit' takes values from 1 to 60000")
        }
    }
}
