import CourseSteps
import Foundation
import LessonModel
import LessonParser
import LessonRunner
import Testing
import TestSupport

/// A copy of a fixture folder in a temporary directory, used as a course repository: its own
/// `Lessons/`, a few stand-in `Sources/` modules for code fingerprints, and its own cache.
final class FixtureRepository: Sendable {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    /// The real repository, for the module maps the Swift compiler needs.
    static let realRepository = PackageRoot.url

    let folder: TemporaryFolder
    var root: URL { folder.url }

    /// Copies `Fixtures/<name>` (and, when given, the cache folder of `cacheFrom`); `name` may
    /// name a folder inside a folder of fixtures, like `run-failures/time-limit`.
    init(_ name: String, cacheFrom other: FixtureRepository? = nil) throws {
        let flatName = name.replacingOccurrences(of: "/", with: "-")
        folder = try TemporaryFolder(copying: Self.fixtures.appendingPathComponent(name), prefix: "lesson-runner-\(flatName)")
        for (module, text) in [("NeuralNetworks", "struct Model {}\n"), ("Tensors", "struct Tensor {}\n"), ("HTMLSite", "struct Page {}\n")] {
            try write(text, to: "Sources/\(module)/\(module).swift")
        }
        if let other {
            try FileManager.default.copyItem(at: other.cacheFolder, to: cacheFolder)
        }
    }

    var cacheFolder: URL { root.appendingPathComponent(CacheStore.folderName) }

    func write(_ text: String, to path: String) throws {
        try folder.write(text, to: path)
    }

    /// Replaces the stand-in `Sources/` with a copy of `sources` (the real repository's), so the
    /// fingerprints are those of the real modules.
    func replaceSources(with sources: URL) throws {
        let folder = root.appendingPathComponent("Sources")
        try FileManager.default.removeItem(at: folder)
        try FileManager.default.copyItem(at: sources, to: folder)
    }

    func read(_ path: String) throws -> String {
        try folder.text(path)
    }

    /// Replaces the first occurrence of `old` in the file at `path`.
    func edit(_ path: String, replacing old: String, with new: String) throws {
        let text = try read(path)
        let edited = text.replacingOccurrences(of: old, with: new, options: [], range: text.range(of: old))
        #expect(edited != text, "'\(old)' not found in \(path)")
        try write(edited, to: path)
    }

    /// A runner over this repository's cache, with the course-wide cell time limit `timeLimit`.
    func runner(catalogAdding extra: [Step] = [], timeLimit: Double? = nil) throws -> Runner {
        // Keyed by the stand-in sources of this repository, so tests can change "the ML code".
        let catalog = StepCatalog.steps + extra
        return Runner(repository: root, cache: try CacheStore(repository: root), catalog: catalog,
                      fingerprint: CodeFingerprint(repository: root, modules: catalog.flatMap(\.modules)), timeLimit: timeLimit)
    }

    /// The lesson at `path`, parsed: the runner takes parsed lessons.
    func lesson(_ path: String) throws -> Lesson {
        try LessonParser(repositoryRoot: root.path).parse(fileAt: path).lesson
    }

    /// The entry folders of the cache.
    func entries() throws -> [URL] {
        let folder = cacheFolder.appendingPathComponent("entries")
        return try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
    }
}

extension LessonCheck {
    /// What `course check` reports for the lesson at `path` of `repository`: its parse's
    /// diagnostics, the checker's and the compiler's, all at once.
    func diagnostics(lessonAt path: String, in repository: URL) -> [Diagnostic] {
        diagnostics(of: [LessonParser(repositoryRoot: repository.path).analyze(fileAt: path)])
    }
}
