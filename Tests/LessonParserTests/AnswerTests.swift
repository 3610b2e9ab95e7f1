import LessonModel
import Testing
@testable import LessonParser
import TestSupport

/// Fenced `answer` blocks: their Markdown is parsed as prose, in place, located in the file,
/// and attached to the block before them. Bad ones are in `Fixtures/answer-errors`.
@Suite struct AnswerTests {
    func blocks(_ body: String) throws -> [Block] {
        try Fixtures.parse(body: body).get().lesson.blocks
    }

    func range(_ startLine: Int, _ startColumn: Int, _ endLine: Int, _ endColumn: Int) -> SourceRange {
        SourceRange(file: "Lessons/01-test.md", startLine: Fixtures.line(startLine), startColumn: startColumn,
                    endLine: Fixtures.line(endLine), endColumn: endColumn)
    }

    @Test func anAnswersMarkdownIsParsedAsProseWithFileLocations() throws {
        let found = try blocks("What is $\\mu$?\n\n```answer\nThe *mean*, $\\mu = 0$:\n\n$$\nx^2\n$$\n```\n\nAfter.\n")
        #expect(found.count == 3)
        guard case .answer(let answer, let answerRange) = found[1] else { Issue.record("expected an answer, got \(found)"); return }
        #expect(answerRange == range(3, 1, 9, 3))
        #expect(answer == [
            .paragraph([.text("The "), .emphasis([.text("mean")]), .text(", "), .math(.test("\\mu = 0"), display: false), .text(":")],
                       range: range(4, 1, 4, 22)),
            .displayMath(.test("x^2"), range: range(6, 1, 8, 2)),
        ])
        #expect(found[2] == .paragraph([.text("After.")], range: range(11, 1, 11, 6)))
    }

    @Test func anAnswerInAListItemStaysInTheItemAndTheListGoesOn() throws {
        let found = try blocks("1. First?\n\n   ```answer\n   - a list inside\n   ```\n2. Second?\n\n   ```answer\n   Yes.\n   ```\n")
        guard found.count == 1, case .list(true, 1, let items, _, _) = found[0] else { Issue.record("expected one list, got \(found)"); return }
        #expect(items.count == 2)
        guard case .answer(let first, let firstRange)? = items.first?.last else { Issue.record("expected an answer in item 1"); return }
        #expect(firstRange == range(3, 4, 5, 6))
        guard case .list(false, _, let inner, _, let innerRange)? = first.first else { Issue.record("expected a list in the answer"); return }
        #expect(inner.count == 1)
        #expect(innerRange.start == range(4, 4, 4, 4).start)
        guard case .answer(let second, _)? = items.last?.last else { Issue.record("expected an answer in item 2"); return }
        #expect(second == [.paragraph([.text("Yes.")], range: range(9, 4, 9, 7))])
    }

    @Test func aListEndingAnAnswerDoesNotRunIntoTheListAfterIt() throws {
        let found = try blocks("Which?\n\n```answer\n- one\n```\n- two\n")
        #expect(found.count == 3)
        guard case .answer(let answer, _) = found[1], case .list(_, _, let inside, _, _)? = answer.first,
              case .list(_, _, let outside, _, _) = found[2] else { Issue.record("expected two lists, got \(found)"); return }
        #expect(inside.count == 1 && outside.count == 1)
    }

    @Test func anAnswerInAQuoteAndOneHoldingCode() throws {
        let found = try blocks("> Why?\n>\n> ```answer\n> Because.\n> ```\n\nShow code?\n\n````answer\n```swift\nlet x = 1\n```\n````\n")
        guard case .blockQuote(let quoted, _) = found[0], case .answer(let answer, _)? = quoted.last else { Issue.record("expected a quoted answer, got \(found)"); return }
        #expect(answer == [.paragraph([.text("Because.")], range: range(4, 3, 4, 10))])
        guard case .answer(let code, _) = found[2] else { Issue.record("expected an answer with code"); return }
        #expect(code == [.code(language: "swift", text: "let x = 1\n", range: range(10, 1, 12, 3))])
    }

    @Test func problemsInsideAnAnswerAreLocatedInTheFile() throws {
        let failure = Fixtures.parse(body: "Q?\n\n```answer\nA value `{swift} nope x` and $\\nosuch$.\n```\n").diagnosticText
        #expect(failure?.contains("Lessons/01-test.md:\(Fixtures.line(4)):10: error:") == true, "\(failure ?? "no error")")
        #expect(failure?.contains("Lessons/01-test.md:\(Fixtures.line(4)):31: error: cannot convert math") == true, "\(failure ?? "no error")")
    }

    @Test func inlineValuesInAnswersAreTheLessons() throws {
        let lesson = try Fixtures.parse(body: "Q?\n\n```answer\nIt is `{swift} loss`.\n```\n").get().lesson
        #expect(lesson.inlineValues.map(\.name) == ["loss"])
    }
}
