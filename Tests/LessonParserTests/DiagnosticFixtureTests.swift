import Foundation
import LessonModel
import Testing
@testable import LessonParser
import TestSupport

/// Each bad lesson under `Fixtures/<case>/` must produce exactly the diagnostics in its
/// `expected.txt`. Run with `UPDATE_GOLDEN=1` to rewrite the expected files after a deliberate change.
@Test(arguments: Fixtures.diagnosticCases)
func badLessonProducesExpectedDiagnostics(_ name: String) throws {
    let result = try Fixtures.parse(name)
    let actual = (result.diagnosticText ?? "(no errors)") + "\n"
    try GoldenFiles().check(actual, against: "\(name)/expected.txt")
}
