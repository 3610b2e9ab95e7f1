import LessonModel

/// Locations in the fixture lesson `Lessons/02-vae-loss.md`.
enum SourceLocationFixture {
    static func at(line: Int, column: Int) -> LessonModel.SourceLocation {
        LessonModel.SourceLocation(file: "Lessons/02-vae-loss.md", line: line, column: column)
    }
}
