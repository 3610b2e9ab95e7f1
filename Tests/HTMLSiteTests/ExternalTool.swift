import Foundation
import TestSupport

extension ExternalTool {
    /// Chromium, or nil, with a note saying the browser test `test` is skipped, when it is not
    /// installed.
    static func chromium(for test: String) -> String? {
        if let path = find("chromium") ?? find("chromium-browser") { return path }
        print("note: chromium is not installed; skipping \(test) (apt-get install -y chromium)")
        return nil
    }

    /// The repository's root.
    static let repositoryRoot = PackageRoot.url

    /// Builds the fixture site into a temporary folder; with `KEEP_SITE=/path` in the environment
    /// it is also copied there, to look at or screenshot by hand.
    @discardableResult
    static func buildFixtureSite(in temporary: TemporaryFolder) throws -> URL {
        let site = temporary.url.appendingPathComponent("site")
        try SiteBuilderFixture.build(into: site)
        if let keep = ProcessInfo.processInfo.environment["KEEP_SITE"], !keep.isEmpty {
            let destination = URL(fileURLWithPath: keep)
            try? FileManager.default.removeItem(at: destination)
            try FileManager.default.copyItem(at: site, to: destination)
        }
        return site
    }
}
