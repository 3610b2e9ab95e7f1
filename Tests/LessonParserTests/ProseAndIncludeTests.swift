import Foundation
import LessonModel
import Testing
@testable import LessonParser
import TestSupport

@Suite struct ProseAndIncludeTests {
    func blocks(_ body: String) throws -> [Block] {
        try Fixtures.parse(body: body).get().lesson.blocks
    }

    @Test func mathRules() throws {
        let text = "Prices $5 and $6, escaped \\$x\\$, then $a_1$ and $$\\frac{1}{2}$$ inline; [$\\alpha$](https://x.org/$y$).\n"
        guard case .paragraph(let inlines, _)? = try blocks(text).first else { Issue.record("expected a paragraph"); return }
        #expect(inlines == [
            .text("Prices $5 and $6, escaped $x$, then "), .math(.test("a_1"), display: false), .text(" and "),
            .math(.test("\\frac{1}{2}"), display: true), .text(" inline; "),
            .link(destination: "https://x.org/$y$", title: nil, children: [.math(.test("\\alpha"), display: false)]), .text("."),
        ])
    }

    @Test func inlineMathAcrossLinesAndInQuotes() throws {
        let found = try blocks("> Spread $a +\n> b$ here.\n>\n> $$\n> x^2\n> $$\n")
        guard case .blockQuote(let quoted, _)? = found.first else { Issue.record("expected a quote"); return }
        #expect(quoted.count == 2)
        if case .paragraph(let inlines, _) = quoted[0] {
            #expect(inlines == [.text("Spread "), .math(.test("a +\nb"), display: false), .text(" here.")])
        } else {
            Issue.record("expected a paragraph")
        }
        #expect(quoted[1] == .displayMath(.test("x^2"), range: SourceRange(file: "Lessons/01-test.md", startLine: Fixtures.line(4), startColumn: 3, endLine: Fixtures.line(6), endColumn: 4)))
    }

    @Test func cellInsideListKeepsFileColumns() throws {
        let found = try blocks("- Run this:\n\n  ```swift cell id=inner\n  let x = f(a: 1)\n  ```\n")
        guard case .list(_, _, let items, _, _)? = found.first, case .cell(let cell)? = items.first?.last else {
            Issue.record("expected a cell in a list"); return
        }
        #expect(cell.id == "inner")
        #expect(cell.statements.first?.range == SourceRange(file: "Lessons/01-test.md", startLine: Fixtures.line(4), startColumn: 3, endLine: Fixtures.line(4), endColumn: 17))
        #expect(cell.attributes.first?.range.start.column == 17)
    }

    @Test func otherLanguagesAndPlainFencesAreShown() throws {
        let found = try blocks("```python cell id=x\nprint(1)\n```\n\n```\nplain\n```\n\n    indented\n")
        #expect(found.count == 3)
        #expect(found[0] == .code(language: "python", text: "print(1)\n", range: found[0].range))
        #expect(found[1] == .code(language: nil, text: "plain\n", range: found[1].range))
        #expect(found[2] == .code(language: nil, text: "indented\n", range: found[2].range))
    }

    @Test func rawHTMLIsKeptVerbatim() throws {
        let found = try blocks("<script>alert(1)</script>\n\nText <b>bold</b>.\n")
        #expect(found.first == .html("<script>alert(1)</script>\n", range: found[0].range))
        if case .paragraph(let inlines, _) = found[1] { #expect(inlines.contains(.html("<b>"))) }
    }

    @Test func includeThroughSymbolicLinkOutsideTheRootIsRejected() throws {
        let rootFolder = try TemporaryFolder("lesson-root"), outsideFolder = try TemporaryFolder("outside")
        defer { rootFolder.remove(); outsideFolder.remove() }
        let root = rootFolder.url, outside = outsideFolder.url("Outside.swift")
        try outsideFolder.write("// ANCHOR: secret\nlet secret = 1\n// ANCHOR_END: secret\n", to: "Outside.swift")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("Sources"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(
            atPath: root.appendingPathComponent("Sources/Link.swift").path, withDestinationPath: outside.path)
        try rootFolder.write(
            "    // ANCHOR: inner\n    let kept = 1\n    // ANCHOR: nested\n      let deeper = 2\n    // ANCHOR_END: nested\n    // ANCHOR_END: inner\n",
            to: "Sources/Inside.swift")

        let escaped = Fixtures.parse(body: "```swift include=Sources/Link.swift#secret\n```\n", root: root.path)
        #expect(escaped.diagnosticText?.hasPrefix("Lessons/01-test.md:5:10: error: include path 'Sources/Link.swift' leaves the repository\n  hint: it resolves through a symbolic link to") == true)

        let inside = try Fixtures.parse(body: "```swift include=Sources/Inside.swift#inner\n```\n", root: root.path).get()
        guard case .include(let code, _)? = inside.lesson.blocks.first else { Issue.record("expected an include"); return }
        #expect(code.text == "let kept = 1\n  let deeper = 2")
        #expect(code.lines == 2...5)
    }

    @Test func lessonFileNamesGiveNumberAndSlug() {
        #expect(LessonFileName(path: "Lessons/02-vae-loss.md")?.number == 2)
        #expect(LessonFileName(path: "Lessons/02-vae-loss.md")?.slug == "vae-loss")
        #expect(LessonFileName(path: "10-gan.md")?.number == 10)
        #expect(LessonFileName(path: "Lessons/intro.md") == nil)
        #expect(LessonFileName(path: "Lessons/03-.md") == nil)
    }

    @Test func hugeLessonIsRefused() {
        let bytes = [UInt8](repeating: UInt8(ascii: "a"), count: LessonParser.maximumFileSize + 1)
        #expect(throws: DiagnosticError.self) { try LessonParser(repositoryRoot: "/").parse(bytes: bytes, path: "Lessons/01-big.md") }
    }
}

@Suite struct LessonCatalogTests {
    let folder: TemporaryFolder
    var root: URL { folder.url }

    init() throws {
        folder = try TemporaryFolder("catalog")
        for name in ["02-vae-loss.md", "01-autoencoders.md", "10-gan-training.md", "notes.txt", "draft.md"] {
            try folder.write("x", to: "Lessons/" + name)
        }
    }

    @Test func listsLessonsByNumber() throws {
        let catalog = try LessonCatalog(repositoryRoot: root.path)
        #expect(catalog.entries.map(\.path) == ["Lessons/01-autoencoders.md", "Lessons/02-vae-loss.md", "Lessons/10-gan-training.md"])
    }

    @Test(arguments: ["2", "02", "vae-loss", "02-vae-loss", "Lessons/02-vae-loss.md"])
    func resolvesNumbersSlugsAndPaths(_ argument: String) throws {
        let catalog = try LessonCatalog(repositoryRoot: root.path)
        #expect(try catalog.resolve(argument).slug == "vae-loss")
    }

    @Test func resolvesAnAbsolutePath() throws {
        let catalog = try LessonCatalog(repositoryRoot: root.path)
        #expect(try catalog.resolve(root.path + "/Lessons/10-gan-training.md").number == 10)
    }

    @Test func unknownLessonListsTheLessons() throws {
        let catalog = try LessonCatalog(repositoryRoot: root.path)
        #expect(throws: DiagnosticError([.error(
            at: LessonModel.SourceLocation(file: "Lessons", line: 0, column: 0), "no lesson matches 'vea-loss'",
            hint: "did you mean 'vae-loss'? lessons: 01 autoencoders, 02 vae-loss, 10 gan-training")])) {
            try catalog.resolve("vea-loss")
        }
    }

    /// `draft.md` is Markdown in the lesson folder but not `NN-slug.md`: the catalog names it in
    /// an error that states the rule and proposes the next free number, and naming it gives
    /// that error rather than "no lesson matches".
    @Test func aMisnamedMarkdownFileSaysTheRule() throws {
        try folder.write("x", to: "Lessons/My Notes.md")
        let catalog = try LessonCatalog(repositoryRoot: root.path)
        let rule = "a lesson file is named NN-slug.md: a number, '-', a slug and '.md'"
        let expected: [Diagnostic] = [
            .error(at: LessonModel.SourceLocation(file: "Lessons/My Notes.md", line: 0, column: 0), rule,
                   hint: "rename it to 11-my-notes.md (11 is the next free number), or move it out of 'Lessons'"),
            .error(at: LessonModel.SourceLocation(file: "Lessons/draft.md", line: 0, column: 0), rule,
                   hint: "rename it to 12-draft.md (12 is the next free number), or move it out of 'Lessons'"),
        ]
        #expect(catalog.misnamed == expected)
        for argument in ["Lessons/draft.md", "draft.md", "draft", root.path + "/Lessons/draft.md"] {
            #expect(throws: DiagnosticError(expected[1])) { try catalog.resolve(argument) }
        }
    }

    @Test func duplicateNumbersAreAnError() throws {
        try folder.write("x", to: "Lessons/02-other.md")
        #expect(throws: DiagnosticError.self) { try LessonCatalog(repositoryRoot: root.path) }
    }
}
