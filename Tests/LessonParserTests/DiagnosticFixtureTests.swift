import Foundation
import LessonModel
import Testing
@testable import LessonParser

/// Each bad lesson under `Fixtures/<case>/` must produce exactly the diagnostics in its
/// `expected.txt`. Run with `UPDATE_GOLDEN=1` to rewrite the expected files after a deliberate change.
@Test(arguments: Fixtures.diagnosticCases)
func badLessonProducesExpectedDiagnostics(_ name: String) throws {
    let result = try Fixtures.parse(name)
    let actual = (result.diagnosticText ?? "(no errors)") + "\n"
    let expectedFile = Fixtures.folder.appendingPathComponent(name).appendingPathComponent("expected.txt")
    if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
        try actual.write(to: expectedFile, atomically: true, encoding: .utf8)
    }
    let expected = try String(contentsOf: expectedFile, encoding: .utf8)
    #expect(actual == expected)
}
