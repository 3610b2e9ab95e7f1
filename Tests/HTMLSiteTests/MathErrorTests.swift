import Foundation
import LessonModel
import LessonParser
import Testing
@testable import HTMLSite

@Suite struct MathErrorTests {
    /// Builds a one-lesson site from `markdown` and returns the build's error text.
    private func buildError(_ markdown: String) throws -> String? {
        let repository = try TemporaryFolder()
        try FileManager.default.createDirectory(at: repository.url.appendingPathComponent("Lessons"), withIntermediateDirectories: true)
        try Data(markdown.utf8).write(to: repository.url.appendingPathComponent("Lessons/04-math.md"))
        let lesson = try LessonParser(repositoryRoot: repository.url.path).parse(fileAt: "Lessons/04-math.md").lesson
        let site = try TemporaryFolder()
        do {
            try SiteBuilder(course: FixtureCourse.info, repositoryRoot: repository.url)
                .build(lessons: [ExecutedLesson(lesson: lesson, cells: [])], into: site.url.appendingPathComponent("site"))
            return nil
        } catch let error as DiagnosticError {
            #expect(!FileManager.default.fileExists(atPath: site.url.appendingPathComponent("site").path))
            return error.description
        }
    }

    private let header = "---\ntitle: Math\nsummary: Formulas.\n---\n\n"

    @Test func inlineMathErrorPointsIntoTheFormula() throws {
        let error = try buildError(header + "Some text, then é $a + \\nope{b}$ and more.\n")
        #expect(error?.hasPrefix("Lessons/04-math.md:6:25: error: cannot convert math: ") == true, "\(error ?? "no error")")
    }

    @Test func errorsOnLaterLinesOfDisplayMathInAQuoteAreFound() throws {
        let error = try buildError(header + "> Quoted:\n>\n> $$\n> a +\n>   b \\nope\n> $$\n")
        #expect(error?.hasPrefix("Lessons/04-math.md:10:7: error: cannot convert math: ") == true, "\(error ?? "no error")")
    }

    @Test func everyErrorOfEveryLessonIsReported() throws {
        let error = try buildError(header + "## Section $\\nope$\n\nFirst $\\bad$ and second $x^$.\n")
        let lines = error?.split(separator: "\n").filter { $0.contains(": error: ") } ?? []
        #expect(lines.count == 3, "\(error ?? "no error")")
        #expect(lines.first?.hasPrefix("Lessons/04-math.md:6:13: error:") == true)
    }

    @Test func withoutTheLessonTextTheErrorPointsAtTheBlock() {
        let renderer = MathRenderer(source: nil)
        var diagnostics: [Diagnostic] = []
        _ = renderer.render("\\nope", display: false, in: SourceRange(file: "L.md", startLine: 3, startColumn: 5, endLine: 3, endColumn: 9),
                            diagnostics: &diagnostics)
        #expect(diagnostics.map(\.location.description) == ["L.md:3:5"])
    }
}
