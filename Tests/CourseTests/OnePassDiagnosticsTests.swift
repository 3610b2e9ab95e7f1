import Foundation
import Testing
@testable import course
import TestSupport

/// Lessons written by hand with mistakes, as a new user makes them: each case under
/// `Fixtures/one-pass/<case>/` is a course repository (one file per fault, several faults in
/// some, front matter broken in others) and a `commands.txt`, one `course` command a line. Each
/// command must report exactly the diagnostics in the case's `expected.txt`, all in one run:
/// what it prints on standard error, then on standard output, then its exit status.
/// `UPDATE_GOLDEN=1` rewrites the expected files.
@Suite struct OnePassDiagnosticsTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/one-pass")
    static let cases = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()

    @Test func everyCaseIsPresent() {
        #expect(Self.cases.count >= 7)
    }

    @Test(arguments: cases)
    func commandsReportEveryProblemAtOnce(_ name: String) throws {
        let source = Self.folder.appendingPathComponent(name)
        let repository = try TemporaryFolder(copying: source.appendingPathComponent("Lessons").deletingLastPathComponent(), prefix: "one-pass-\(name)")
        let commands = try String(contentsOf: source.appendingPathComponent("commands.txt"), encoding: .utf8)
            .split(separator: "\n").map(String.init)
        var transcript: [String] = []
        for command in commands {
            let captured = Captured()
            let arguments = command.split(separator: " ").map(String.init) + ["--repository", repository.url.path]
            let parsed = try #require(try Course.parseAsRoot(arguments) as? any ConsoleCommand)
            let status = try parsed.execute(console: captured.console)
            transcript.append("$ course \(command)")
            if !captured.err.isEmpty { transcript.append(captured.err) }
            if !captured.out.isEmpty { transcript.append(captured.out) }
            transcript.append("exit status \(status)\n")
        }
        try GoldenFiles().check(transcript.joined(separator: "\n"), against: "one-pass/\(name)/expected.txt")
    }
}
