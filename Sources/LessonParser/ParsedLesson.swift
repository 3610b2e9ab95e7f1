import LessonModel

/// A lesson that parsed without errors, with any warnings found on the way.
public struct ParsedLesson: Sendable, Equatable {
    /// The lesson.
    public var lesson: Lesson
    /// Warnings (never errors), sorted by location.
    public var warnings: [Diagnostic]

    /// Creates a parse result.
    public init(lesson: Lesson, warnings: [Diagnostic]) {
        self.lesson = lesson
        self.warnings = warnings
    }
}
