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

extension AnalyzedLesson {
    /// The lesson and its warnings, or every diagnostic thrown when there is an error.
    public func parsed() throws(DiagnosticError) -> ParsedLesson {
        guard !hasErrors, let lesson else { throw DiagnosticError(diagnostics) }
        return ParsedLesson(lesson: lesson, warnings: diagnostics)
    }
}
