import Foundation
import LessonModel

/// Builds the static course site from executed lessons: a home page, one page per lesson,
/// the figures as PNG and SVG files (and latent explorers' data scripts), one style sheet, and
/// the explorers' script when a page has one.
///
/// Every link is relative, so the site works from `file://` and from any static host, and no
/// page loads anything from outside the site folder. The site is written atomically (see
/// ``build(lessons:into:)``).
///
///     let site = SiteBuilder(course: CourseInfo(title: "Codes from distributions",
///                                               subtitle: "Variational autoencoders and GANs in Swift"),
///                            repositoryRoot: root)
///     let report = try site.build(lessons: executed, into: root.appendingPathComponent("site"))
public struct SiteBuilder: Sendable {
    /// The course the site is about.
    public var course: CourseInfo
    /// The repository the lessons' paths are relative to: prose images are copied from it.
    public var repositoryRoot: URL

    /// Whether the site also holds the print edition, `print.html`: the whole course as one
    /// document, which ``PDFPrinter`` prints (`course build --pdf`).
    public var includesPrintEdition = false

    /// The print edition's file in the site folder.
    public static let printEditionPage = PrintEdition.page

    /// Set by tests to fail part-way through writing.
    var writer = SiteWriter()

    /// Creates a builder; `repositoryRoot` defaults to the current directory.
    public init(course: CourseInfo, repositoryRoot: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)) {
        self.course = course
        self.repositoryRoot = repositoryRoot
    }

    /// Renders every lesson, in the order given, and writes the site into `folder`.
    ///
    /// Nothing is written unless every page renders: problems in lessons (math that does not
    /// convert, an image that cannot come with the site) are collected across all lessons and
    /// thrown together as a `DiagnosticError`. The files are then written into a temporary
    /// folder next to `folder` and swapped in by renaming, so a failed build leaves the
    /// previous site untouched. Writing problems throw a ``SiteError``.
    ///
    /// An existing `folder` is replaced only if it is empty or was written by a previous build.
    @discardableResult
    public func build(lessons: [ExecutedLesson], into folder: URL) throws -> SiteReport {
        let files = try render(lessons: lessons)
        try writer.write(files, to: folder)
        return SiteReport(
            folder: folder.standardizedFileURL,
            pages: files.map(\.path).filter { $0.hasSuffix(".html") },
            figures: files.map(\.path).filter { $0.hasPrefix("figures/") },
            files: (files.map(\.path) + [SiteWriter.markerFile]).sorted(),
            byteCount: files.reduce(0) { $0 + $1.bytes.count })
    }

    /// Every file of the site, in memory: `index.html` first, then the lesson pages, then the
    /// figures, images, style sheet and icon.
    func render(lessons: [ExecutedLesson]) throws -> [SiteFile] {
        let links = lessons.map { LessonLink($0.lesson) }
        try checkDistinctPages(lessons, links)
        let shell = PageShell(course: course, lessons: links)
        let pagesByFileName = Dictionary(links.map { (String($0.page.dropLast(".html".count)) + ".md", $0.page) }, uniquingKeysWith: { first, _ in first })

        var pages: [SiteFile] = []
        var media: [String: SiteFile] = [:]
        var cards: [IndexRenderer.Card] = []
        var printed: [(link: LessonLink, content: PageRenderer.Content)] = []
        var diagnostics: [Diagnostic] = []
        var hasExplorer = false
        for (position, executed) in lessons.enumerated() {
            let lessonPath = executed.lesson.path
            let resolver = LinkResolver(lessonPath: lessonPath, repositoryRoot: repositoryRoot, pagesByFileName: pagesByFileName)
            let renderer = PageRenderer(
                shell: shell, links: resolver,
                previous: position > 0 ? links[position - 1] : nil,
                next: position + 1 < links.count ? links[position + 1] : nil)
            let page = renderer.render(executed)
            if includesPrintEdition { printed.append((links[position], renderer.renderContent(executed))) }
            diagnostics += page.diagnostics
            pages.append(SiteFile(path: links[position].page, text: page.html))
            for figure in page.figures { media[figure.path] = SiteFile(path: figure.path, bytes: figure.bytes) }
            hasExplorer = hasExplorer || page.figures.contains { $0.explorer != nil }
            for asset in page.assets { media[asset.path] = asset }
            cards.append(IndexRenderer.Card(
                lesson: links[position], thumbnail: page.thumbnail,
                cellCount: executed.lesson.cells.count, figureCount: page.figures.count))
        }
        if diagnostics.contains(where: { $0.severity == .error }) { throw DiagnosticError(diagnostics) }

        let index = SiteFile(path: "index.html", text: IndexRenderer(shell: shell).render(cards))
        if includesPrintEdition { pages.append(SiteFile(path: PrintEdition.page, text: PrintEdition(course: course).render(printed))) }
        var shared = [SiteFile(path: "style.css", text: Stylesheet.css), SiteFile(path: "favicon.svg", text: Stylesheet.favicon)]
            + SiteSearch.files(for: lessons)
        if hasExplorer {
            shared.append(SiteFile(path: ExplorerRenderer.scriptPath, text: ExplorerRenderer.script))
        }
        return [index] + pages + media.values.sorted { $0.path < $1.path } + shared
    }

    /// Two lessons with the same file name would overwrite each other's page.
    private func checkDistinctPages(_ lessons: [ExecutedLesson], _ links: [LessonLink]) throws {
        var firstPath: [String: String] = [:]
        var diagnostics: [Diagnostic] = []
        for (executed, link) in zip(lessons, links) {
            let path = executed.lesson.path
            if let first = firstPath[link.page] {
                diagnostics.append(.error(
                    at: SourceLocation(file: path, line: 0, column: 0), "lesson page '\(link.page)' is also the page of '\(first)'",
                    hint: "give each lesson a distinct file name"))
            } else if link.page == "index.html" {
                diagnostics.append(.error(
                    at: SourceLocation(file: path, line: 0, column: 0), "a lesson page cannot be named 'index.html'",
                    hint: "rename the lesson file with a number and a slug, like '01-index.md'"))
            } else {
                firstPath[link.page] = path
            }
        }
        if !diagnostics.isEmpty { throw DiagnosticError(diagnostics) }
    }
}
