import Foundation
import LessonModel
import Spelling
import TestSupport
import Testing
@testable import LessonParser

@Suite struct GoodLessonTests {
    let lesson: Lesson
    let warnings: [Diagnostic]

    init() throws {
        let parsed = try Fixtures.parse("full-lesson").get()
        lesson = parsed.lesson
        warnings = parsed.warnings
    }

    @Test func identityAndFrontMatter() {
        #expect(lesson.path == "Lessons/02-vae-loss.md")
        #expect(lesson.number == 2)
        #expect(lesson.slug == "vae-loss")
        #expect(lesson.frontMatter == FrontMatter(
            title: "The VAE loss", summary: "Mean and spread of the codes: KL divergence and reconstruction.",
            order: 2, defaults: ["seed": "7", "timeout": "120"]))
        #expect(warnings.isEmpty)
    }

    @Test func headingsHaveUniqueAnchors() {
        let headings = lesson.blocks.compactMap { block -> (Int, String, Int)? in
            if case .heading(let level, _, let anchor, let range) = block { return (level, anchor, range.start.line) }
            return nil
        }
        #expect(headings.map(\.1) == ["the-vae-loss", "the-code", "the-code-2"])
        #expect(headings.map(\.0) == [1, 2, 2])
        #expect(headings.first?.2 == 10)
    }

    @Test func mathIsVerbatimLaTeX() {
        guard case .paragraph(let inlines, _) = lesson.blocks[1] else { Issue.record("expected a paragraph"); return }
        #expect(inlines.contains(.math(.test("\\mu"), display: false)))
        #expect(inlines.contains(.math(.test("\\log\\sigma^2"), display: false)))
        #expect(inlines.contains(.text("and a price of $5 stays a price. A literal $ too, and ")))
        #expect(inlines.contains(.code("$code$")))

        guard case .displayMath(let kl, let range) = lesson.blocks[2] else { Issue.record("expected display math"); return }
        #expect(kl.latex.hasPrefix("D_{KL}\\big(\\mathcal{N}(\\mu,\\sigma^2)\\,\\|\\,\\mathcal{N}(0,1)\\big)"))
        #expect(range.start.line == 15 && range.start.column == 1)

        guard case .paragraph(let sets, _) = lesson.blocks[3] else { Issue.record("expected a paragraph"); return }
        #expect(sets.contains(.math(.test("\\{x \\mid x > 0\\}"), display: false)))
        #expect(sets.contains(.math(.test("\\|x\\|"), display: false)))

        guard case .displayMath(let multiline, let multilineRange) = lesson.blocks[4] else { Issue.record("expected display math"); return }
        #expect(multiline.latex == "\\mathcal{L} = \\mathbb{E}_{q}\\left[\\log p(x \\mid z)\\right]\n  {}- D_{KL}")
        #expect(multilineRange.start.line == 19 && multilineRange.end.line == 22)
    }

    @Test func shownBlockAndInclude() throws {
        #expect(lesson.blocks[6] == .code(language: "swift", text: "let shown = \"only shown\"\n", range: lesson.blocks[6].range))
        guard case .include(let code, _) = lesson.blocks[7] else { Issue.record("expected an include"); return }
        #expect(code.path == "Sources/Spelling/SpellingSuggestion.swift")
        #expect(code.anchor == "edit-distance")
        #expect(code.text.hasPrefix("let a = Array(a), b = Array(b)\n"))
        #expect(code.text.hasSuffix("return previous[b.count]"))
        #expect(!code.text.contains("ANCHOR"))
        // The line range points at the real lines of the file.
        let file = try String(contentsOfFile: Fixtures.repositoryRoot + "/" + code.path, encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: false)
        #expect(file[code.lines.lowerBound - 1].trimmingWhitespaceCharacters == "let a = Array(a), b = Array(b)")
        #expect(file[code.lines.upperBound - 1].trimmingWhitespaceCharacters == "return previous[b.count]")
    }

    @Test func listsAndQuotes() {
        guard case .list(false, _, let items, true, _) = lesson.blocks[8] else { Issue.record("expected a tight bullet list"); return }
        #expect(items.count == 2)
        guard case .paragraph(let first, _) = items[0].first else { Issue.record("expected a paragraph"); return }
        #expect(first == [.text("a "), .emphasis([.text("tight")]), .text(" list with "), .strong([.text("strong")]), .text(" text")])
        guard case .paragraph(let second, _) = items[1].first else { Issue.record("expected a paragraph"); return }
        #expect(second.last == .link(destination: "https://example.com", title: "Example", children: [.text("link")]))

        guard case .list(true, 1, let numbered, _, let listRange) = lesson.blocks[9] else { Issue.record("expected a numbered list"); return }
        #expect(numbered.count == 2)
        #expect(listRange.end.column >= 1)

        guard case .blockQuote(let quoted, _) = lesson.blocks[10], case .paragraph(let quote, _) = quoted.first else {
            Issue.record("expected a quote"); return
        }
        #expect(quote == [.text("A quote with "), .math(.test("x^2"), display: false), .text(".")])
        #expect(lesson.blocks.last == .thematicBreak(range: lesson.blocks.last!.range))
    }

    @Test func cellsCarryAttributesAndRanges() throws {
        let cells = lesson.cells
        #expect(cells.map(\.id) == ["train", "cell-2"])
        #expect(cells.map(\.index) == [1, 2])
        let train = cells[0]
        #expect(train.attributes.map(\.name) == ["id", "caption", "seed", "timeout"])
        #expect(train.caption == "Loss per epoch: \"reconstruction\" and KL")
        #expect(train.seed == 7)
        #expect(train.timeLimit == 60)
        #expect(!train.isHidden && cells[1].isHidden)
        #expect(train.range == SourceRange(file: lesson.path, startLine: 41, startColumn: 1, endLine: 44, endColumn: 3))
        #expect(train.bodyRange == SourceRange(file: lesson.path, startLine: 42, startColumn: 1, endLine: 43, endColumn: 74))
        #expect(train.statements.count == 2)

        let second = train.statements[1]
        #expect(second.range == SourceRange(file: lesson.path, startLine: 43, startColumn: 1, endLine: 43, endColumn: 74))
        guard case .binding(let name, let value) = second.kind, case .call(let callee, let arguments) = value.kind else {
            Issue.record("expected a binding of a call"); return
        }
        #expect(name.name == "vae" && name.range.start.column == 5)
        #expect(callee.kind == .identifier("trainVAE"))
        #expect(arguments.map { $0.label?.name } == ["on", "latentSize", "epochs", "learningRate"])
        #expect(arguments[2].label?.range.start == LessonModel.SourceLocation(file: lesson.path, line: 43, column: 45))
        #expect(arguments[3].value.kind == .floatingPoint(1e-3))

        let show = try #require(cells[1].statements.first)
        guard case .call(_, let showArguments) = show.expression.kind else { Issue.record("expected a call"); return }
        #expect(showArguments[1].value.kind == .member(
            base: Expression(.identifier("data"), range: showArguments[1].value.range.start.spanning(4)),
            name: Identifier("test", range: SourceRange(
                start: LessonModel.SourceLocation(file: lesson.path, line: 49, column: 35), end: LessonModel.SourceLocation(file: lesson.path, line: 49, column: 38)))))
    }

    @Test func lessonSurvivesCodableRoundTrip() throws {
        let data = try JSONEncoder().encode(lesson)
        #expect(try JSONDecoder().decode(Lesson.self, from: data) == lesson)
    }
}

extension LessonModel.SourceLocation {
    /// The range of `count` characters starting here, on one line.
    func spanning(_ count: Int) -> SourceRange {
        SourceRange(start: self, end: LessonModel.SourceLocation(file: file, line: line, column: column + count - 1))
    }
}
