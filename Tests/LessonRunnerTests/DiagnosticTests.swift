import Foundation
import LessonModel
import LessonRunner
import Testing

/// Every located diagnostic of `course check`, each from a fixture lesson with one mistake,
/// compared with the exact text in the case's `expected.txt` (`UPDATE_GOLDEN=1` rewrites them).
@Suite struct DiagnosticTests {
    static let cases = (try? FileManager.default.contentsOfDirectory(
        atPath: FixtureRepository.fixtures.appendingPathComponent("diagnostics").path))?.sorted() ?? []

    @Test func everyCaseIsPresent() {
        #expect(Self.cases.count >= 19)
    }

    @Test(arguments: cases)
    func diagnosticText(_ name: String) throws {
        let folder = FixtureRepository.fixtures.appendingPathComponent("diagnostics").appendingPathComponent(name)
        let diagnostics = LessonCheck(repository: folder, swift: nil).diagnostics(lessonAt: "Lessons/01-case.md")
        #expect(diagnostics.contains { $0.severity == .error }, "\(name) gave no error")
        let text = diagnostics.map(\.description).joined(separator: "\n") + "\n"
        let expectedURL = folder.appendingPathComponent("expected.txt")
        if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
            try Data(text.utf8).write(to: expectedURL)
        }
        let expected = try String(contentsOf: expectedURL, encoding: .utf8)
        #expect(text == expected)
        for diagnostic in diagnostics where diagnostic.severity == .error {
            #expect(diagnostic.location.file == "Lessons/01-case.md")
            #expect(diagnostic.location.line > 0 && diagnostic.location.column > 0)
        }
    }
}
