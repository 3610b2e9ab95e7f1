import Foundation
import LessonModel
import LessonParser
import Testing
@testable import HTMLSite
import TestSupport

/// The parser rejects math that cannot be converted (its own fixtures show where it points);
/// a lesson made some other way can still carry such math to the site builder, which must then
/// fail with an error at the formula's block and write nothing.
@Suite struct MathErrorTests {
    @Test func mathThatCannotBeConvertedIsAnErrorAtItsBlockAndNothingIsWritten() throws {
        let repository = try TemporaryFolder()
        try FileManager.default.createDirectory(at: repository.url.appendingPathComponent("Lessons"), withIntermediateDirectories: true)
        try Data("---\ntitle: Math\nsummary: Formulas.\n---\n\nText.\n".utf8).write(to: repository.url.appendingPathComponent("Lessons/04-math.md"))
        var lesson = try LessonParser(repositoryRoot: repository.url.path).parse(fileAt: "Lessons/04-math.md").lesson
        let range = SourceRange(file: "Lessons/04-math.md", startLine: 8, startColumn: 3, endLine: 8, endColumn: 20)
        lesson.blocks.append(.paragraph([.text("Then "), .math("a + \\nope{b}", display: false)], range: range))
        let site = try TemporaryFolder()
        let error = #expect(throws: DiagnosticError.self) {
            try SiteBuilder(course: FixtureCourse.info, repositoryRoot: repository.url)
                .build(lessons: [ExecutedLesson(lesson: lesson, cells: [])], into: site.url.appendingPathComponent("site"))
        }
        #expect(error?.description.hasPrefix("Lessons/04-math.md:8:3: error: cannot convert math: unknown command '\\nope'") == true,
                "\(error?.description ?? "no error")")
        #expect(!FileManager.default.fileExists(atPath: site.url.appendingPathComponent("site").path))
    }
}
