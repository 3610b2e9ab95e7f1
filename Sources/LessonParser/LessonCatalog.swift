import Spelling
import Foundation
import LessonModel

/// The lessons of a course: the `Lessons/NN-slug.md` files of a repository, in the order
/// `course.yml` lists them, else by number; and what `course.yml` says about the course.
public struct LessonCatalog: Sendable {
    /// One lesson file.
    public struct Entry: Sendable, Equatable {
        /// The number from the file name.
        public var number: Int
        /// The file name without the number prefix and `.md`.
        public var slug: String
        /// The path relative to the repository root, e.g. `Lessons/02-vae-loss.md`.
        public var path: String

        /// Whether `name` is this lesson's slug, file name (with or without `.md`) or path.
        func isNamed(_ name: String) -> Bool {
            slug == name || Self.names(path, name)
        }

        /// Whether `name` is the file at `path`: its path, or its file name with or without `.md`.
        static func names(_ path: String, _ name: String) -> Bool {
            path == name || path.hasSuffix("/" + name) || path.hasSuffix("/" + name + ".md")
        }
    }

    /// The folder of lessons inside a repository.
    public static let folder = "Lessons"

    /// The repository root.
    public let repositoryRoot: String
    /// The lessons: first those `course.yml` lists, in its order, then the others by number.
    public let entries: [Entry]
    /// The course's title, subtitle and author, from `course.yml`.
    public let course: CourseInfo
    /// The Markdown files in `Lessons/` that are not named as lessons are (`NN-slug.md`), each
    /// an error that states the rule and proposes a name with the next free number.
    public let misnamed: [Diagnostic]

    /// Lists the lessons of the repository at `repositoryRoot`, and reads its `course.yml`.
    ///
    /// Throws when the `Lessons` folder is missing, two lessons share a number, or
    /// `course.yml` is invalid or lists a lesson that is not there.
    public init(repositoryRoot: String) throws(DiagnosticError) {
        self.repositoryRoot = repositoryRoot
        let manifest = try CourseManifest.load(repositoryRoot: repositoryRoot)
        course = manifest.course
        let folder = repositoryRoot + "/" + Self.folder
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder)
        } catch {
            throw DiagnosticError(.error(
                at: SourceLocation(file: Self.folder, line: 0, column: 0), "no lesson folder",
                hint: "run the tool from the course repository, which has a '\(Self.folder)' folder"))
        }
        let entries = names.compactMap { name in
            LessonFileName(path: name).map { Entry(number: $0.number, slug: $0.slug, path: Self.folder + "/" + name) }
        }.sorted { ($0.number, $0.path) < ($1.number, $1.path) }
        misnamed = Self.misnamed(names.filter { $0.hasSuffix(".md") && LessonFileName(path: $0) == nil }.sorted(),
                                 firstFreeNumber: (entries.map(\.number).max() ?? 0) + 1)

        var diagnostics: [Diagnostic] = []
        for (previous, entry) in zip(entries, entries.dropFirst()) where previous.number == entry.number {
            diagnostics.append(.error(
                at: SourceLocation(file: entry.path, line: 0, column: 0), "two lessons are numbered \(entry.number)",
                hint: "renumber one of them",
                notes: [.note(at: SourceLocation(file: previous.path, line: 0, column: 0), "the other lesson numbered \(entry.number)")]))
        }
        if !diagnostics.isEmpty { throw DiagnosticError(diagnostics) }
        self.entries = try manifest.lessons.map { listed throws(DiagnosticError) in try Self.order(entries, as: listed) } ?? entries
    }

    /// An error for each of `names`, Markdown files in the lesson folder that are not named
    /// `NN-slug.md`, proposing the free numbers from `firstFreeNumber` on, in turn.
    private static func misnamed(_ names: [String], firstFreeNumber: Int) -> [Diagnostic] {
        names.enumerated().map { offset, name in
            let number = firstFreeNumber + offset
            var slug = String(name.dropLast(3).lowercased().map { $0.isLetter || $0.isNumber ? $0 : "-" })
            while let first = slug.first, first.isNumber || first == "-" { slug.removeFirst() }
            while slug.hasSuffix("-") { slug.removeLast() }
            let proposed = (number < 10 ? "0" : "") + "\(number)-\(slug.isEmpty ? "lesson" : slug).md"
            return .error(at: SourceLocation(file: folder + "/" + name, line: 0, column: 0), LessonFileName.rule,
                          hint: "rename it to \(proposed) (\(proposed.prefix { $0 != "-" }) is the next free number), or move it out of '\(folder)'")
        }
    }

    /// `entries` in the order `course.yml` lists them, the lessons it leaves out after them.
    private static func order(_ entries: [Entry], as listed: [CourseManifest.ListedLesson]) throws(DiagnosticError) -> [Entry] {
        var ordered: [Entry] = []
        var diagnostics: [Diagnostic] = []
        for item in listed {
            guard let entry = entries.first(where: { $0.isNamed(item.name) }) else {
                diagnostics.append(.error(at: item.location, "'\(item.name)' names no lesson in '\(folder)'", hint: hint(for: item.name, among: entries)))
                continue
            }
            if ordered.contains(entry) {
                diagnostics.append(.error(at: item.location, "'\(entry.path)' is listed twice", hint: "list each lesson once"))
                continue
            }
            ordered.append(entry)
        }
        if !diagnostics.isEmpty { throw DiagnosticError(diagnostics) }
        return ordered + entries.filter { !ordered.contains($0) }
    }

    /// The lesson a user means by `argument`: a path to its file (absolute, or relative to the
    /// working directory or the repository root), its slug, its number (`2` or `02`), or its file
    /// name without `.md`.
    public func resolve(_ argument: String) throws(DiagnosticError) -> Entry {
        let trimmed = argument.trimmingWhitespace
        if let number = Int(trimmed), let entry = entries.first(where: { $0.number == number }) {
            return entry
        }
        if let entry = entries.first(where: { $0.isNamed(trimmed) }) {
            return entry
        }
        if trimmed.hasSuffix(".md") || trimmed.contains("/") {
            let bases = trimmed.hasPrefix("/") ? [""] : [FileManager.default.currentDirectoryPath + "/", repositoryRoot + "/"]
            for base in bases {
                guard let resolved = IncludeResolver.realPath(base + trimmed) else { continue }
                if let entry = entries.first(where: { IncludeResolver.realPath(repositoryRoot + "/" + $0.path) == resolved }) {
                    return entry
                }
                // A Markdown file in the lesson folder that breaks the naming rule: say the rule.
                if let problem = misnamed.first(where: { IncludeResolver.realPath(repositoryRoot + "/" + $0.location.file) == resolved }) {
                    throw DiagnosticError(problem)
                }
            }
        }
        if let problem = misnamed.first(where: { Entry.names($0.location.file, trimmed) }) {
            throw DiagnosticError(problem)
        }
        throw DiagnosticError(.error(
            at: SourceLocation(file: Self.folder, line: 0, column: 0), "no lesson matches '\(argument)'",
            hint: Self.hint(for: trimmed, among: entries)))
    }

    /// A did-you-mean and the lessons there are, for a name that matches none.
    private static func hint(for name: String, among entries: [Entry]) -> String {
        guard !entries.isEmpty else { return "the '\(folder)' folder has no NN-name.md files" }
        let listing = entries.map { ($0.number < 10 ? "0" : "") + "\($0.number) \($0.slug)" }.joined(separator: ", ")
        let suggestion = SpellingSuggestion.closest(to: name, among: entries.map(\.slug)).map { "did you mean '\($0)'? " } ?? ""
        return "\(suggestion)lessons: \(listing)"
    }
}
