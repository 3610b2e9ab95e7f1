import Testing
@testable import LessonParser

@Test func moduleLinks() { _ = LessonParserModule.self }
