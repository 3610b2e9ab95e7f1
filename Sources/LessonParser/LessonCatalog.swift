import Spelling
import Foundation
import LessonModel

/// The lessons of a course: the `Lessons/NN-slug.md` files of a repository, sorted by number.
public struct LessonCatalog: Sendable {
    /// One lesson file.
    public struct Entry: Sendable, Equatable {
        /// The number from the file name.
        public var number: Int
        /// The file name without the number prefix and `.md`.
        public var slug: String
        /// The path relative to the repository root, e.g. `Lessons/02-vae-loss.md`.
        public var path: String
    }

    /// The folder of lessons inside a repository.
    public static let folder = "Lessons"

    /// The repository root.
    public let repositoryRoot: String
    /// The lessons, sorted by number.
    public let entries: [Entry]

    /// Lists the lessons of the repository at `repositoryRoot`.
    ///
    /// Throws when the `Lessons` folder is missing or two lessons share a number.
    public init(repositoryRoot: String) throws(DiagnosticError) {
        self.repositoryRoot = repositoryRoot
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

        var diagnostics: [Diagnostic] = []
        for (previous, entry) in zip(entries, entries.dropFirst()) where previous.number == entry.number {
            diagnostics.append(.error(
                at: SourceLocation(file: entry.path, line: 0, column: 0), "two lessons are numbered \(entry.number)",
                hint: "renumber one of them",
                notes: [.note(at: SourceLocation(file: previous.path, line: 0, column: 0), "the other lesson numbered \(entry.number)")]))
        }
        if !diagnostics.isEmpty { throw DiagnosticError(diagnostics) }
        self.entries = entries
    }

    /// The lesson a user means by `argument`: a path to its file (absolute, or relative to the
    /// working directory or the repository root), its slug, its number (`2` or `02`), or its file
    /// name without `.md`.
    public func resolve(_ argument: String) throws(DiagnosticError) -> Entry {
        let trimmed = argument.trimmingWhitespace
        if let number = Int(trimmed), let entry = entries.first(where: { $0.number == number }) {
            return entry
        }
        if let entry = entries.first(where: { $0.slug == trimmed || $0.path.hasSuffix("/" + trimmed + ".md") }) {
            return entry
        }
        if trimmed.hasSuffix(".md") || trimmed.contains("/") {
            let bases = trimmed.hasPrefix("/") ? [""] : [FileManager.default.currentDirectoryPath + "/", repositoryRoot + "/"]
            for base in bases {
                guard let resolved = IncludeResolver.realPath(base + trimmed) else { continue }
                if let entry = entries.first(where: { IncludeResolver.realPath(repositoryRoot + "/" + $0.path) == resolved }) {
                    return entry
                }
            }
        }
        let listing = entries.map { ($0.number < 10 ? "0" : "") + "\($0.number) \($0.slug)" }.joined(separator: ", ")
        let suggestion = SpellingSuggestion.closest(to: trimmed, among: entries.map(\.slug)).map { "did you mean '\($0)'? " } ?? ""
        throw DiagnosticError(.error(
            at: SourceLocation(file: Self.folder, line: 0, column: 0), "no lesson matches '\(argument)'",
            hint: entries.isEmpty ? "the '\(Self.folder)' folder has no NN-name.md files" : "\(suggestion)lessons: \(listing)"))
    }
}
