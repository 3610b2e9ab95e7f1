import Testing
@testable import LessonRunner

@Test func moduleLinks() { _ = LessonRunnerModule.self }
