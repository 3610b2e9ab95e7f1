import Foundation
import LessonModel
import LessonRunner
import Testing
import TestSupport

/// Every located diagnostic of `course check`, each from a fixture lesson with one mistake,
/// compared with the exact text in the case's `expected.txt` (`UPDATE_GOLDEN=1` rewrites them).
@Suite struct DiagnosticTests {
    static let cases = (try? FileManager.default.contentsOfDirectory(
        atPath: FixtureRepository.fixtures.appendingPathComponent("diagnostics").path))?.sorted() ?? []

    @Test func everyCaseIsPresent() {
        #expect(Self.cases.count >= 25)
    }

    /// Symbolic links that cases need, made by the test in a copy of the case's folder: a link
    /// out of the repository has no place in the repository itself.
    static let symbolicLinks = ["include-through-symlink": (path: "Sources/Secret.swift", destination: "/etc/passwd")]

    @Test(arguments: cases)
    func diagnosticText(_ name: String) throws {
        let folder = FixtureRepository.fixtures.appendingPathComponent("diagnostics").appendingPathComponent(name)
        var repository = folder
        var copy: TemporaryFolder?
        if let link = Self.symbolicLinks[name] {
            let linked = try TemporaryFolder(copying: folder, prefix: "diagnostics-\(name)")
            let url = linked.url(link.path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try FileManager.default.createSymbolicLink(atPath: url.path, withDestinationPath: link.destination)
            (repository, copy) = (linked.url, linked)
        }
        defer { copy?.remove() }
        let diagnostics = LessonCheck(swift: nil).diagnostics(lessonAt: "Lessons/01-case.md", in: repository)
        #expect(diagnostics.contains { $0.severity == .error }, "\(name) gave no error")
        let text = diagnostics.map(\.description).joined(separator: "\n") + "\n"
        try GoldenFiles().check(text, against: "diagnostics/\(name)/expected.txt")
        for diagnostic in diagnostics where diagnostic.severity == .error {
            #expect(diagnostic.location.file == "Lessons/01-case.md")
            #expect(diagnostic.location.line > 0 && diagnostic.location.column > 0)
        }
    }
}
