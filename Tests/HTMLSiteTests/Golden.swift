import Foundation
import Testing

/// Compares text with a golden file under `Fixtures/<case>/`; `UPDATE_GOLDEN=1` rewrites it.
enum Golden {
    static func check(_ actual: String, case name: String, file: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/\(name)")
        let url = folder.appendingPathComponent(file)
        if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try actual.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        #expect(actual == expected, "differs from Fixtures/\(name)/\(file); rerun with UPDATE_GOLDEN=1 if the change is intended",
                sourceLocation: sourceLocation)
    }
}
