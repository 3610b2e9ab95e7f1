import Foundation
import LessonModel
import LessonRunner
import Testing
import TestSupport

/// Lessons that pass every check but fail when they run — a batch larger than the data,
/// arguments each in range that together ask for more than the data or the model has,
/// training that diverges, a cell over its time limit — each from a fixture folder under
/// `Fixtures/run-failures/`, with the exact diagnostics of its failed cells in `expected.txt`
/// (`UPDATE_GOLDEN=1` rewrites them). The failed cell's dependents are skipped, and nothing of
/// it is cached.
@Suite(.serialized) struct RunFailureTests {
    static let cases = (try? FileManager.default.contentsOfDirectory(
        atPath: FixtureRepository.fixtures.appendingPathComponent("run-failures").path))?.sorted() ?? []

    @Test func everyCaseIsPresent() {
        #expect(Self.cases == [
            "batch-larger-than-data", "codes-need-two-numbers", "discriminator-steps-beyond-data", "diverging-training", "time-limit",
        ])
    }

    @Test(arguments: cases)
    func failedCellsDiagnostics(_ name: String) throws {
        let repository = try FixtureRepository("run-failures/" + name)
        let runner = try repository.runner()
        let executed = try runner.run(lesson: try repository.lesson("Lessons/01-case.md"))
        let failures = executed.cells.compactMap { cell -> Diagnostic? in
            if case .failed(let diagnostic) = cell.status { diagnostic } else { nil }
        }
        let text = failures.map(\.description).joined(separator: "\n") + "\n"
        try GoldenFiles().check(text, against: "run-failures/\(name)/expected.txt")
        #expect(executed.cells.map(\.status) == [.ran, failures.first.map { .failed($0) } ?? .ran, .skipped(dependency: "train")])
        #expect(try repository.entries().count == 1, "only the cell that loads the data is cached")
    }
}
