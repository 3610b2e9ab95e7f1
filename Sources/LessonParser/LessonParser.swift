// LessonParser: Markdown lessons (through cmark, the only module that imports it) into `Lesson`
// values with source ranges: front matter, prose, math and the cells' Swift subset; and the
// course around them: its lesson files and its `course.yml`.

import Spelling
import Foundation
import LessonModel

/// Parses lesson files into `Lesson` values.
///
/// Parsing collects every problem it can find rather than stopping at the first, and goes on
/// past broken front matter with defaults: `analyze` returns the lesson as far as it could be
/// read with all diagnostics (errors and warnings, sorted by location), for a tool to check its
/// cells too; `parse` throws a `DiagnosticError` carrying them all if any is an error, and
/// otherwise returns the lesson with its warnings. The only early stops are input that cannot be
/// read at all (too large, not UTF-8) and front matter that never ends.
///
/// Every lesson is a draft unless it is being published (`publishing`, as `course build` does):
/// a draft may lack a `summary:` (a warning), a published lesson may not (an error), since the
/// course's home page shows it.
public struct LessonParser: Sendable {
    /// The largest lesson file accepted, in bytes: hundreds of times the longest lesson of the
    /// course, and small enough that a debug build parses it in seconds. A larger file is an
    /// error located where it passes the limit, before anything else is parsed.
    public static let maximumFileSize = 4 << 20
    /// How deeply blocks and inline markup may nest (quotes in lists in quotes …).
    public static let maximumNesting = 32

    /// The repository root: include paths are resolved against it and must stay inside it.
    public let repositoryRoot: String

    /// Whether lessons are parsed for publishing on the site, where what a draft may leave out
    /// (a summary) is an error.
    public let publishing: Bool

    /// Creates a parser for the lessons of the repository at `repositoryRoot`; `publishing` for
    /// lessons that go on the site.
    public init(repositoryRoot: String, publishing: Bool = false) {
        self.repositoryRoot = repositoryRoot
        self.publishing = publishing
    }

    /// Reads and parses the lesson at `path`, which may be absolute or relative to the repository
    /// root. Diagnostics name the file relative to the root when it lies inside it.
    public func parse(fileAt path: String) throws(DiagnosticError) -> ParsedLesson {
        try analyze(fileAt: path).parsed()
    }

    /// Parses a lesson's bytes; `path` names the file in diagnostics and gives the lesson its
    /// number and slug (`Lessons/02-vae-loss.md` is lesson 2, `vae-loss`).
    public func parse(bytes: [UInt8], path: String) throws(DiagnosticError) -> ParsedLesson {
        try analyze(bytes: bytes, path: path).parsed()
    }

    /// Reads the lesson at `path` (as ``parse(fileAt:)``) and returns all that its parse found.
    public func analyze(fileAt path: String) -> AnalyzedLesson {
        let absolute = path.hasPrefix("/") ? path : repositoryRoot + "/" + path
        let root = IncludeResolver.realPath(repositoryRoot) ?? repositoryRoot
        let resolved = IncludeResolver.realPath(absolute) ?? absolute
        let shown = resolved.hasPrefix(root + "/") ? String(resolved.dropFirst(root.count + 1)) : path
        guard let data = FileManager.default.contents(atPath: absolute) else {
            return AnalyzedLesson(lesson: nil, diagnostics: [.error(
                at: SourceLocation(file: shown, line: 0, column: 0), "cannot read the lesson file",
                hint: "check that '\(path)' exists and is a readable file")])
        }
        return analyze(bytes: Array(data), path: shown)
    }

    /// Parses a lesson's bytes (as ``parse(bytes:path:)``) and returns all that the parse found.
    public func analyze(bytes: [UInt8], path: String) -> AnalyzedLesson {
        let file = SourceLocation(file: path, line: 0, column: 0)
        guard bytes.count <= Self.maximumFileSize else {
            return AnalyzedLesson(lesson: nil, diagnostics: [.error(
                at: LessonSource(path: path, bytes: Array(bytes.prefix(Self.maximumFileSize + 1))).location(ofOffset: Self.maximumFileSize),
                "lesson file is too large: its \(bytes.count) bytes pass the limit of \(Self.maximumFileSize) (\(Self.maximumFileSize >> 20) MiB) here",
                hint: "split it into several lessons")])
        }
        if let problem = EncodingCheck.firstProblem(in: bytes, path: path) {
            return AnalyzedLesson(lesson: nil, diagnostics: [problem])
        }
        var diagnostics: [Diagnostic] = []
        let name = LessonFileName(path: path)
        if name == nil {
            diagnostics.append(.error(at: file, LessonFileName.rule, hint: "rename it like 'Lessons/02-vae-loss.md'"))
        }

        let original = LessonSource(path: path, bytes: bytes)
        let frontMatter = FrontMatterParser(source: original, requiresSummary: publishing).parse(into: &diagnostics)
        guard frontMatter.bodyIsUsable else { return AnalyzedLesson(lesson: nil, diagnostics: diagnostics) }

        // Blank the front matter with spaces so cmark's line and column numbers match the file.
        var body = bytes
        if let lines = frontMatter.lines {
            for line in lines {
                for offset in original.byteRange(ofLine: line) { body[offset] = UInt8(ascii: " ") }
            }
        }
        let fenced = LessonSource(path: path, bytes: body)
        let firstParse = CmarkDocument.parse(body, maximumDepth: Self.maximumNesting).root
        // Answers' bodies are Markdown: with their fences made markers, cmark parses them as prose.
        let answers = AnswerFences(source: fenced, document: firstParse, diagnostics: &diagnostics)
        let source = answers.regions.isEmpty ? fenced : LessonSource(path: path, bytes: answers.bytes)

        var proseBlocks: [MarkdownNode] = []
        (answers.regions.isEmpty ? firstParse : CmarkDocument.parse(source.bytes, maximumDepth: Self.maximumNesting).root).visit { node in
            if node.holdsInlines { proseBlocks.append(node) }
        }
        let (protected, spans) = MathScanner(source: source).protect(proseBlocks, into: &diagnostics)
        let document = CmarkDocument.parse(protected, maximumDepth: Self.maximumNesting)
        if let deep = document.firstTooDeep {
            diagnostics.append(.error(
                at: source.location(line: deep.line, column: deep.column),
                "blocks or inline markup nested more than \(Self.maximumNesting) levels deep",
                hint: "flatten the nesting of lists, quotes and emphasis"))
        }
        var builder = BlockBuilder(source: source, spans: spans, includes: IncludeResolver(repositoryRoot: repositoryRoot), answers: answers)
        let blocks = builder.build(document.root)
        diagnostics += builder.diagnostics
        if let thumbnail = frontMatter.frontMatter.thumbnail, let location = frontMatter.thumbnailLocation {
            diagnostics += Self.checkThumbnail(thumbnail, at: location, blocks: blocks)
        }

        let slug = name?.slug ?? String((path.split(separator: "/").last ?? Substring(path)).prefix { $0 != "." })
        let lesson = Lesson(path: path, slug: slug, number: name?.number ?? 0, frontMatter: frontMatter.frontMatter, blocks: blocks)
        return AnalyzedLesson(lesson: lesson, diagnostics: diagnostics, unparsedBindings: Set(builder.unparsedBindings))
    }

    /// The front matter's `thumbnail:` names the cell whose figure the site index shows, so it
    /// must be the id of one of the lesson's cells.
    private static func checkThumbnail(_ thumbnail: String, at location: SourceLocation, blocks: [Block]) -> [Diagnostic] {
        var ids: [String] = []
        Block.visit(blocks) { block in
            if case .cell(let cell) = block { ids.append(cell.id) }
        }
        guard !ids.contains(thumbnail) else { return [] }
        let hint = SpellingSuggestion.hint(for: thumbnail, among: ids)
            ?? (ids.isEmpty ? "the lesson has no cells; remove 'thumbnail'" : "the lesson's cells are: \(ids.joined(separator: ", "))")
        return [.error(at: location, "unknown cell '\(thumbnail)' in 'thumbnail'", hint: hint)]
    }
}
