import Foundation
import LessonModel
import Testing
@testable import LessonParser

/// A lesson far larger than any real one — the 10 MB lesson of the hostile-lesson suite — is
/// refused before anything is parsed, with an error where the file passes the limit. The
/// lessons are generated here rather than committed.
@Suite struct SizeLimitTests {
    /// Front matter, then lines of 64 bytes of prose, `byteCount` bytes in all.
    static func lesson(byteCount: Int) -> [UInt8] {
        let frontMatter = Array("---\ntitle: Big\nsummary: Far too long.\n---\n\n".utf8)
        let line = Array((String(repeating: "Words and words ", count: 4).dropLast() + "\n").utf8)
        let lines = repeatElement(line, count: byteCount / line.count + 1).joined()
        return Array((frontMatter + lines).prefix(byteCount))
    }

    static func parse(_ bytes: [UInt8]) -> Result<ParsedLesson, DiagnosticError> {
        Result { () throws(DiagnosticError) in
            try LessonParser(repositoryRoot: Fixtures.repositoryRoot).parse(bytes: bytes, path: "Lessons/01-huge.md")
        }
    }

    @Test func aTenMegabyteLessonIsRefusedWhereItPassesTheLimit() {
        #expect(Self.parse(Self.lesson(byteCount: 10_000_000)).diagnosticText == """
            Lessons/01-huge.md:65541:22: error: lesson file is too large: its 10000000 bytes pass the limit of 4194304 (4 MiB) here
              hint: split it into several lessons
            """)
    }

    /// A lesson of exactly the limit goes on to be parsed: here it stops at once on a byte that
    /// is not UTF-8, so the test need not wait for four megabytes to be parsed.
    @Test func aLessonOfExactlyTheLimitIsNotRefusedForItsSize() {
        var bytes = Self.lesson(byteCount: LessonParser.maximumFileSize)
        bytes[0] = 0xFF
        #expect(Self.parse(bytes).diagnosticText?.hasPrefix("Lessons/01-huge.md:1:1: error: invalid UTF-8 byte 0xFF") == true)
        #expect(Self.parse(bytes + [0x0A]).diagnosticText?.contains("error: lesson file is too large: its 4194305 bytes") == true)
    }
}
