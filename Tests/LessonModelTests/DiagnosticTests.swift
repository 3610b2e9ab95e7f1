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

@Test(arguments: [
    ("epoch", ["epochs", "seed"], "epochs"), ("tittle", ["title", "summary"], "title"), ("cel", ["cell", "include"], "cell"),
    ("LatentSize", ["latentSize"], "latentSize"), ("xy", ["id"], nil), ("learningrat", ["learningRate", "epochs"], "learningRate"),
    ("completely", ["different", "words"], nil),
])
func spellingSuggestions(_ word: String, _ candidates: [String], _ expected: String?) {
    #expect(SpellingSuggestion.closest(to: word, among: candidates) == expected)
}

/// A swap of neighbours is one edit; a short word allows one edit, a longer one a third of its length.
@Test(arguments: [
    ("onyl", ["only", "one"], "only"), ("frca", ["tfrac", "dfrac", "frac"], "frac"), ("nope", ["not", "neq"], nil),
    ("sigmaa", ["Sigma", "sigma"], "sigma"),
] as [(String, [String], String?)])
func spellingSuggestionLimits(_ word: String, _ candidates: [String], _ expected: String?) {
    #expect(SpellingSuggestion.closest(to: word, among: candidates) == expected)
}

@Test func editDistance() {
    #expect(SpellingSuggestion.editDistance("kitten", "sitting") == 3)
    #expect(SpellingSuggestion.editDistance("", "abc") == 3)
    #expect(SpellingSuggestion.editDistance("same", "same") == 0)
    #expect(SpellingSuggestion.editDistance("ab", "ba") == 1)
    #expect(SpellingSuggestion.editDistance("modle", "model") == 1)
}

@Test func spellingSuggestionsDoNotDependOnTheCandidatesOrder() {
    let candidates = ["bat", "cat", "at", "hat"]
    #expect(SpellingSuggestion.closest(to: "aat", among: candidates) == "at")
    #expect(SpellingSuggestion.closest(to: "aat", among: candidates.reversed()) == "at")
    #expect(SpellingSuggestion.closest(to: "xat", among: ["hat", "cat", "bat"]) == "bat")
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
