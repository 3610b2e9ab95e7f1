import Foundation
import LessonModel
import Yams

/// `course.yml` at the repository root: the course's title, subtitle and author, and the order
/// of its lessons.
///
/// ```yaml
/// title: Codes from Probability Distributions
/// subtitle: Variational autoencoders and generative adversarial networks, in Swift
/// author: Ada Lovelace
/// lessons:
///   - 01-autoencoders.md
///   - vae-loss
/// ```
///
/// Every key may be left out: the title is then the repository folder's name, the subtitle is
/// empty, and the lessons are in the order of their file numbers.
public struct CourseManifest: Sendable, Equatable {
    /// The file's name, relative to the repository root.
    public static let fileName = "course.yml"
    /// The keys the file may have.
    static let knownKeys = ["title", "subtitle", "author", "lessons"]

    /// A lesson named in the `lessons:` list: by its file name or its slug.
    public struct ListedLesson: Sendable, Equatable {
        public var name: String
        /// Where the name is written, for the error when it names no lesson.
        public var location: SourceLocation
    }

    public var course: CourseInfo
    /// The lessons in the order the file lists them; nil when it lists none.
    public var lessons: [ListedLesson]?

    /// The manifest of the repository at `repositoryRoot`; without a `course.yml`, the defaults.
    ///
    /// Throws located errors for a file that is not valid YAML or has unknown or ill-typed keys.
    public static func load(repositoryRoot: String) throws(DiagnosticError) -> CourseManifest {
        let root = URL(fileURLWithPath: repositoryRoot).standardizedFileURL
        let defaultTitle = root.lastPathComponent
        guard let data = FileManager.default.contents(atPath: root.appendingPathComponent(fileName).path) else {
            return CourseManifest(course: CourseInfo(title: defaultTitle, subtitle: ""), lessons: nil)
        }
        return try CourseManifest(bytes: Array(data), defaultTitle: defaultTitle)
    }

    /// Reads the bytes of a `course.yml`; `defaultTitle` stands in for a missing `title:`.
    public init(bytes: [UInt8], path: String = fileName, defaultTitle: String) throws(DiagnosticError) {
        let yaml = LocatedYAML(source: LessonSource(path: path, bytes: bytes), firstLine: 1, name: path)
        var diagnostics: [Diagnostic] = []
        let (root, isComposed) = yaml.compose(String(decoding: bytes, as: UTF8.self), into: &diagnostics)
        course = CourseInfo(title: defaultTitle, subtitle: "")
        guard isComposed else { throw DiagnosticError(diagnostics) }
        guard let root else { return }  // an empty file: the defaults
        guard let mapping = root.mapping else {
            throw DiagnosticError(.error(
                at: yaml.location(of: root), "\(path) must be a mapping of keys to values",
                hint: "write lines like 'title: Codes from Probability Distributions'"))
        }
        var seen: [String: SourceLocation] = [:]
        for (keyNode, value) in mapping {
            guard let key = yaml.key(keyNode, among: Self.knownKeys, seen: &seen, into: &diagnostics) else { continue }
            switch key {
            case "title": yaml.text(value, key: key, into: &diagnostics).map { course.title = $0 }
            case "subtitle": yaml.text(value, key: key, into: &diagnostics).map { course.subtitle = $0 }
            case "author": course.author = yaml.text(value, key: key, into: &diagnostics)
            default: lessons = Self.lessons(value, in: yaml, into: &diagnostics)
            }
        }
        if !diagnostics.isEmpty { throw DiagnosticError(diagnostics) }
    }

    init(course: CourseInfo, lessons: [ListedLesson]?) {
        self.course = course
        self.lessons = lessons
    }

    private static func lessons(_ node: Node, in yaml: LocatedYAML, into diagnostics: inout [Diagnostic]) -> [ListedLesson]? {
        guard let sequence = node.sequence else {
            diagnostics.append(.error(
                at: yaml.location(of: node), "'lessons' must be a list of lesson files or slugs",
                hint: "write one '  - 01-autoencoders.md' line per lesson under 'lessons:'"))
            return nil
        }
        let listed = sequence.compactMap { item in
            yaml.text(item, key: "lessons", into: &diagnostics).map { ListedLesson(name: $0, location: yaml.location(of: item)) }
        }
        return listed.isEmpty ? nil : listed
    }
}
