import LessonModel
import Testing
@testable import TerminalStepper

/// Exercises' answers in the terminal: one line until the learner presses `a` on the slide,
/// in full once asked, and always in full in plain output.
struct AnswerLayoutTests {
    private let range = SourceRange(file: "x.md", startLine: 1, startColumn: 1, endLine: 1, endColumn: 1)

    private var question: [Block] {
        [
            .paragraph([.text("Which mean?")], range: range),
            .answer([
                .paragraph([.text("Zero, the prior's mean, for every code")], range: range),
                .paragraph([.text("Second.")], range: range),
            ], range: range),
        ]
    }

    private func lines(_ answers: AnswerDisplay, width: Int = 30) -> [String] {
        ProseLayout(capabilities: .plain, answers: answers).lines(for: question, width: width).map(\.plainText)
    }

    @Test func aCollapsedAnswerIsOneLineNamingTheKey() {
        #expect(lines(.collapsed, width: 40) == ["Which mean?", "", "▸ Answer — press a to show"])
        #expect(lines(.collapsed).joined().contains("Zero") == false)
    }

    @Test func aRevealedAnswerShowsInFullUnderABar() {
        #expect(lines(.revealed) == [
            "Which mean?", "", "▾ Answer — press a to hide",
            "│ Zero, the prior's mean, for", "│ every code", "│ ", "│ Second.",
        ])
    }

    @Test func plainOutputPrintsTheAnswerMarkedWithNoKey() {
        #expect(lines(.printed) == ["Which mean?", "", "▾ Answer", "│ Zero, the prior's mean, for", "│ every code", "│ ", "│ Second."])
    }

    @Test func theAnswersKeyWorksAndIsListedOnlyOnASlideWithAnswers() {
        let table = KeyTable.stepper
        #expect(table.action(for: .character("a"), in: .cell(done: false), slideHasAnswers: true) == .toggleAnswers)
        #expect(table.action(for: .character("a"), in: .end, slideHasAnswers: true) == .toggleAnswers)
        #expect(table.action(for: .character("a"), in: .cell(done: false), slideHasAnswers: false) == nil)
        let legend = table.entries(in: .cell(done: false), slideHasAnswers: true).map { "\($0.keys) \($0.meaning)" }.joined(separator: "  ")
        #expect(legend == "⏎ run  r rerun fresh  s skip  b back  a answers  n/p page  ↑↓ scroll  q quit")
        #expect(legend.count <= 79, "the legend fits an 80-column terminal")
        #expect(table.entries(in: .end, slideHasAnswers: false).contains { $0.keys == "a" } == false)
    }

    @Test func theKeyRevealsOnlyTheSlideOnScreenAndHidesAgain() {
        let lesson = Lesson(path: "Lessons/01-x.md", slug: "x", number: 1, frontMatter: FrontMatter(title: "X", summary: "Y"), blocks: [
            .cell(Cell(id: "one", index: 1, attributes: [], source: "f()\n", range: range, bodyRange: nil, statements: [])),
        ] + question)
        var view = SlideView(lesson: lesson)
        #expect(view.slide.hasAnswers == false)
        #expect(view.toggleAnswers() == false, "the first slide has no answers")
        view.move(to: 1)
        #expect(view.slide.hasAnswers && view.answers == .collapsed)
        #expect(view.toggleAnswers() && view.answers == .revealed)
        view.move(to: 0)
        #expect(view.answers == .collapsed)
        view.move(to: 1)
        #expect(view.answers == .revealed, "a slide keeps its answers shown when the learner comes back")
        #expect(view.toggleAnswers() && view.answers == .collapsed)
    }
}
