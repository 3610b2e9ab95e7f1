import LessonModel

extension SiteBuilder {
    /// Every file of the site, by its path in the site folder, rendered in memory and written
    /// nowhere: what `course preview` serves. The same files ``build(lessons:into:)`` writes,
    /// byte for byte (but its marker file); problems in lessons are thrown as a
    /// `DiagnosticError`, as there.
    public func renderedFiles(lessons: [ExecutedLesson]) throws -> [String: [UInt8]] {
        Dictionary(try render(lessons: lessons).map { ($0.path, $0.bytes) }, uniquingKeysWith: { first, _ in first })
    }
}
