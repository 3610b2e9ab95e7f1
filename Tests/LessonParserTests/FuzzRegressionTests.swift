import LessonModel
import Testing
@testable import LessonParser

/// Inputs the fuzzers in `Fuzz/` found, each reduced to its cause, with the behavior they must
/// keep now that the bug is fixed.
@Suite struct FuzzRegressionTests {
    /// cmark breaks lines at a lone carriage return but the parser's line table does not, so the
    /// fuzzer's lesson had a cell error reported at line 16 of an 8-line file.
    @Test func loneCarriageReturnIsAnErrorAtItsPlace() {
        let bytes = Array("---\ntitle: T\nsummary: S\n---\n\na\r\r\r\r\r\r\r\r\r\r\n```swift cell\nlet = 1\n```\n".utf8)
        let result = Result { () throws(DiagnosticError) in
            try LessonParser(repositoryRoot: Fixtures.repositoryRoot).parse(bytes: bytes, path: "Lessons/01-test.md")
        }
        #expect(result.diagnosticText == """
            Lessons/01-test.md:6:2: error: carriage return without a line feed
              hint: save the file with LF or CRLF line endings
            """)
    }

    @Test func carriageReturnAtTheEndOfTheFileIsAlone() {
        let result = Fixtures.parse(body: "\nText.\r")
        #expect(result.diagnosticText?.hasPrefix("Lessons/01-test.md:6:6: error: carriage return without a line feed") == true)
    }

    /// Windows line endings stay valid, and locations still count lines by their line feeds.
    @Test func crlfLinesKeepTheirNumbers() {
        let text = "---\r\ntitle: T\r\nsummary: S\r\n---\r\n\r\nText.\r\n\r\n```swift cell\r\nlet = 1\r\n```\r\n"
        let result = Result { () throws(DiagnosticError) in
            try LessonParser(repositoryRoot: Fixtures.repositoryRoot).parse(bytes: Array(text.utf8), path: "Lessons/01-test.md")
        }
        let diagnostics = result.diagnosticText ?? ""
        #expect(diagnostics.hasPrefix("Lessons/01-test.md:9:"), "\(diagnostics)")
    }
}
