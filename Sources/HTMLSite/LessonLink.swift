import LessonModel

/// How other pages refer to a lesson: its number, title, summary and page file.
struct LessonLink: Sendable, Equatable {
    var number: Int
    var title: String
    var summary: String
    /// The page file, `02-vae-loss.html`, named after the lesson file.
    var page: String

    init(_ lesson: Lesson) {
        number = lesson.number
        title = lesson.frontMatter.title
        summary = lesson.frontMatter.summary
        page = Self.pageName(forLessonAt: lesson.path)
    }

    /// The lesson file's name with `.html` for `.md`: `Lessons/02-vae-loss.md` → `02-vae-loss.html`.
    static func pageName(forLessonAt path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        return (name.hasSuffix(".md") ? String(name.dropLast(3)) : name) + ".html"
    }
}
