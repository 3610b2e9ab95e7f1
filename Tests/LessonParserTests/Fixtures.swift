import Foundation
import LessonModel
import Testing
@testable import LessonParser
import TestSupport

/// Paths and helpers shared by the tests.
enum Fixtures {
    /// `Tests/LessonParserTests/Fixtures`.
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    /// The package root: include fixtures name real files of the repository.
    static let repositoryRoot = PackageRoot.url.path

    /// The cases that expect diagnostics (folders with an `expected.txt`, or any case when updating goldens).
    static var diagnosticCases: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0 != "full-lesson" }.sorted()
    }

    /// The lesson file of a case and its bytes.
    static func lesson(_ name: String) throws -> (fileName: String, bytes: [UInt8]) {
        let caseFolder = folder.appendingPathComponent(name)
        let fileName = try #require(try FileManager.default.contentsOfDirectory(atPath: caseFolder.path).first { $0.hasSuffix(".md") })
        return (fileName, Array(try Data(contentsOf: caseFolder.appendingPathComponent(fileName))))
    }

    /// Parses a case as if it were `Lessons/<file name>` of this repository.
    static func parse(_ name: String) throws -> Result<ParsedLesson, DiagnosticError> {
        let (fileName, bytes) = try lesson(name)
        return Result { () throws(DiagnosticError) in
            try LessonParser(repositoryRoot: repositoryRoot).parse(bytes: bytes, path: "Lessons/" + fileName)
        }
    }

    /// Parses Markdown given inline, as `Lessons/01-test.md`, with minimal front matter prepended.
    static func parse(body: String, root: String = repositoryRoot) -> Result<ParsedLesson, DiagnosticError> {
        let text = "---\ntitle: Test\nsummary: A test lesson.\n---\n" + body
        return Result { () throws(DiagnosticError) in
            try LessonParser(repositoryRoot: root).parse(bytes: Array(text.utf8), path: "Lessons/01-test.md")
        }
    }

    /// The body line number of a line in a lesson made by `parse(body:)` (its front matter takes 4 lines).
    static func line(_ bodyLine: Int) -> Int { bodyLine + 4 }
}

extension Result {
    /// The failure's diagnostics in compiler form, or nil on success.
    var diagnosticText: String? {
        guard case .failure(let error) = self else { return nil }
        return (error as? DiagnosticError)?.description
    }
}
