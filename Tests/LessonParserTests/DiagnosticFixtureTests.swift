import Foundation
import LessonModel
import Testing
@testable import LessonParser
import TestSupport

/// Each bad lesson under `Fixtures/<case>/` must produce exactly the diagnostics in its
/// `expected.txt`, all in one parse (warnings included). Run with `UPDATE_GOLDEN=1` to rewrite
/// the expected files after a deliberate change.
@Test(arguments: Fixtures.diagnosticCases)
func badLessonProducesExpectedDiagnostics(_ name: String) throws {
    let (fileName, bytes) = try Fixtures.lesson(name)
    let analyzed = LessonParser(repositoryRoot: Fixtures.repositoryRoot).analyze(bytes: bytes, path: "Lessons/" + fileName)
    let actual = analyzed.diagnostics.isEmpty ? "(no diagnostics)\n" : DiagnosticError(analyzed.diagnostics).description + "\n"
    try GoldenFiles().check(actual, against: "\(name)/expected.txt")
    // What `parse` throws is the same, when there is an error.
    if analyzed.hasErrors { #expect(try Fixtures.parse(name).diagnosticText == DiagnosticError(analyzed.diagnostics).description) }
}
