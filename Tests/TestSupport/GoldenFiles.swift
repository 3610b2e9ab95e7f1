import Foundation
import Testing

/// A test target's golden files: expected outputs under the `Fixtures` folder beside its
/// sources, which tests compare with what the code produces. With `UPDATE_GOLDEN=1` in the
/// environment, ``check(_:against:sourceLocation:)`` rewrites the file instead.
public struct GoldenFiles: Sendable {
    /// The folder the paths given to the methods are relative to.
    public let fixtures: URL

    /// The golden files in `Fixtures/` beside the file that calls this initializer.
    public init(besideFile file: StaticString = #filePath) {
        fixtures = URL(fileURLWithPath: "\(file)").deletingLastPathComponent().appendingPathComponent("Fixtures")
    }

    /// The text of the fixture at `path`.
    public func read(_ path: String) throws -> String {
        try String(contentsOf: fixtures.appendingPathComponent(path), encoding: .utf8)
    }

    /// Expects `actual` to be the text of the golden file at `path`, which ends with a newline
    /// whether or not `actual` does.
    public func check(_ actual: String, against path: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = fixtures.appendingPathComponent(path)
        let text = actual.hasSuffix("\n") ? actual : actual + "\n"
        if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            Issue.record("missing golden file Fixtures/\(path); run with UPDATE_GOLDEN=1 to create it", sourceLocation: sourceLocation)
            return
        }
        #expect(text == expected, "differs from Fixtures/\(path); rerun with UPDATE_GOLDEN=1 if the change is intended",
                sourceLocation: sourceLocation)
    }

    /// The fixture cases: the folders in `Fixtures/` that hold a file named `file`, sorted.
    public func cases(holding file: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: fixtures.path)) ?? []
        return names.filter { FileManager.default.fileExists(atPath: fixtures.appendingPathComponent("\($0)/\(file)").path) }.sorted()
    }
}
