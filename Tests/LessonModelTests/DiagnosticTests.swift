import LessonModel
import Testing

@Test func diagnosticPrintsLikeACompiler() {
    let location = LessonModel.SourceLocation(file: "Lessons/02-vae-loss.md", line: 31, column: 22)
    let diagnostic = Diagnostic.error(
        at: location, "unknown argument label 'epoch'", hint: "did you mean 'epochs'?",
        notes: [.note(at: LessonModel.SourceLocation(file: "Lessons/02-vae-loss.md", line: 12, column: 5), "declared here")])
    #expect(diagnostic.description == """
        Lessons/02-vae-loss.md:31:22: error: unknown argument label 'epoch'
          hint: did you mean 'epochs'?
        Lessons/02-vae-loss.md:12:5: note: declared here
        """)
    #expect(Diagnostic.warning(at: LessonModel.SourceLocation(file: "Lessons", line: 0, column: 0), "empty").description == "Lessons: warning: empty")
}

@Test func diagnosticErrorSortsByLocationAndKeepsWarnings() {
    func at(_ line: Int) -> LessonModel.SourceLocation { LessonModel.SourceLocation(file: "a.md", line: line, column: 1) }
    let error = DiagnosticError([.error(at: at(9), "late"), .warning(at: at(2), "early"), .error(at: at(2), "same line")])
    #expect(error.diagnostics.map(\.message) == ["early", "same line", "late"])
    #expect(error.errors.count == 2)
}

@Test func lessonFindsCellsInNestedBlocks() {
    let range = SourceRange(file: "a.md", startLine: 1, startColumn: 1, endLine: 1, endColumn: 1)
    func cell(_ id: String, _ index: Int) -> Cell {
        Cell(id: id, index: index, attributes: [], source: "", range: range, bodyRange: nil, statements: [])
    }
    let lesson = Lesson(
        path: "a.md", slug: "a", number: 1, frontMatter: FrontMatter(title: "A", summary: "B"),
        blocks: [.cell(cell("one", 1)), .blockQuote([.list(ordered: false, start: 0, items: [[.cell(cell("two", 2))]], tight: true, range: range)], range: range)])
    #expect(lesson.cells.map(\.id) == ["one", "two"])
    #expect(lesson.cell(id: "two")?.index == 2)
}
