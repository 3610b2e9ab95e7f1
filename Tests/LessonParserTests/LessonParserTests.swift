import Foundation
import LessonModel
import Testing
@testable import LessonParser

@Test func smoke() throws {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/full-lesson/02-vae-loss.md")
    let bytes = Array(try Data(contentsOf: url))
    do {
        let parsed = try LessonParser(repositoryRoot: root).parse(bytes: bytes, path: "Lessons/02-vae-loss.md")
        dump(parsed.lesson.blocks)
        print(parsed.warnings)
    } catch {
        print(error)
    }
}
