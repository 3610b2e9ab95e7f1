import Foundation
import LessonModel

/// What the lesson harnesses share: a parser over a small repository made for them, and the
/// checks every parse must pass whatever the input.
enum LessonFuzzSupport {
    /// The path every fuzzed lesson is parsed under; a valid lesson file name.
    static let lessonPath = "Lessons/01-fuzz.md"

    /// A parser whose repository holds one Swift file with a good, an empty and an unclosed
    /// anchor, and a symbolic link out of the repository, so `include=` words reach every
    /// branch of the include resolver.
    static let parser: LessonParser = {
        let root = NSTemporaryDirectory() + "/course-lesson-fuzz-root"
        let sources = root + "/Sources"
        try? FileManager.default.createDirectory(atPath: sources, withIntermediateDirectories: true)
        let example = """
            // ANCHOR: good
            func good() -> Int {
                1
            }
            // ANCHOR_END: good
            // ANCHOR: empty
            // ANCHOR_END: empty
            // ANCHOR: open

            """
        try? Data(example.utf8).write(to: URL(fileURLWithPath: sources + "/Example.swift"), options: .atomic)
        _ = symlink("/etc/hostname", sources + "/Outside.swift")
        return LessonParser(repositoryRoot: root)
    }()

    /// Parses `bytes` as a lesson and checks the outcome: a lesson, or an error that carries at
    /// least one error diagnostic, every diagnostic located inside the file.
    static func parse(_ bytes: [UInt8]) {
        let lineCount = bytes.reduce(1) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }
        let diagnostics: [Diagnostic]
        do {
            diagnostics = try parser.parse(bytes: bytes, path: lessonPath).warnings
        } catch {
            check(!error.errors.isEmpty, "a failed parse must report an error")
            diagnostics = error.diagnostics
        }
        for diagnostic in diagnostics {
            let location = diagnostic.location
            check(location.file == lessonPath, "diagnostic names another file: \(diagnostic)")
            check((0...lineCount + 1).contains(location.line) && location.column >= 0,
                  "diagnostic located outside the file (\(lineCount) lines): \(diagnostic)")
            check(!diagnostic.message.isEmpty, "diagnostic without a message")
        }
    }
}

/// Stops with `message` when `condition` fails; unlike `precondition`, the message survives `-O`,
/// so the fuzzer's log says which property broke.
func check(_ condition: Bool, _ message: @autoclosure () -> String) {
    if !condition { fatalError(message()) }
}
