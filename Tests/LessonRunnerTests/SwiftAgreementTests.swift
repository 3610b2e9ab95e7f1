import Foundation
import LessonModel
import LessonParser
import Testing
@testable import LessonRunner

/// The runner's checker and the Swift compiler must agree on every cell: both accept the valid
/// lessons, both reject the wrong ones, at the same line.
@Suite struct SwiftAgreementTests {
    static let typeErrorCases = [
        "unknown-step", "unknown-label", "missing-label", "missing-argument", "labels-out-of-order", "wrong-type",
        "wrong-binding-type", "int-binding-for-double", "undefined-name", "duplicate-name", "no-member", "several-errors",
    ]
    /// Ranges are checked by the runner only: to Swift, `epochs: 0` is a well-typed call.
    static let rangeCases = ["negative-epochs", "latent-size-zero", "negative-learning-rate"]

    func compiler() throws -> SwiftTypeCheck {
        try #require(SwiftTypeCheck.locate(repository: FixtureRepository.realRepository),
                     "swiftc and the built modules are needed (swift build builds them)")
    }

    func lesson(_ folder: URL, _ path: String) throws -> Lesson {
        try LessonParser(repositoryRoot: folder.path).parse(fileAt: path).lesson
    }

    /// A diagnostic case's lesson, named by its case so that many can share one compiler run.
    static func caseLesson(_ name: String) throws -> Lesson {
        let url = FixtureRepository.fixtures.appendingPathComponent("diagnostics/\(name)/Lessons/01-case.md")
        return try LessonParser(repositoryRoot: "/").parse(bytes: Array(try Data(contentsOf: url)), path: "\(name)/01-case.md").lesson
    }

    /// The compiler's verdict on every diagnostic case, from one compiler run.
    static let caseErrors: [String: [Diagnostic]]? = {
        guard let compiler = SwiftTypeCheck.locate(repository: FixtureRepository.realRepository),
              let lessons = try? (typeErrorCases + rangeCases).map(caseLesson) else { return nil }
        return try? compiler.check(lessons)
    }()

    func compilerErrors(_ name: String) throws -> [Diagnostic] {
        let errors = try #require(Self.caseErrors, "swiftc and the built modules are needed (swift build builds them)")
        return try #require(errors["\(name)/01-case.md"])
    }

    @Test(arguments: ["tiny-vae", "swift-valid"])
    func validLessonsPassBoth(_ name: String) throws {
        let folder = FixtureRepository.fixtures.appendingPathComponent(name)
        let lessons = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("Lessons").path)
        for file in lessons {
            let lesson = try lesson(folder, "Lessons/" + file)
            #expect(throws: Never.self) { try CellChecker().check(lesson) }
            #expect(try compiler().check(lesson) == [])
        }
    }

    /// The course's own lessons (none until the course is written: then no case runs).
    static let courseLessons = (try? LessonCatalog(repositoryRoot: FixtureRepository.realRepository.path))?.entries.map(\.path) ?? []

    @Test(arguments: courseLessons)
    func theCoursesOwnLessonsPassBoth(_ path: String) throws {
        let check = LessonCheck(swift: try compiler())
        #expect(check.diagnostics(lessonAt: path, in: FixtureRepository.realRepository).filter { $0.severity == .error } == [])
    }

    @Test(arguments: typeErrorCases)
    func wrongCellsAreRejectedByBothOnTheSameLines(_ name: String) throws {
        let lesson = try Self.caseLesson(name)
        var ours: [Diagnostic] = []
        do { _ = try CellChecker().check(lesson) } catch { ours = error.errors }
        let theirs = try compilerErrors(name)
        #expect(!ours.isEmpty, "the runner's checker accepted \(name)")
        #expect(!theirs.isEmpty, "swiftc accepted \(name)")
        #expect(Set(ours.map(\.location.line)).isSubset(of: Set(theirs.map(\.location.line))),
                "ours: \(ours.map(\.description)); swiftc: \(theirs.map(\.description))")
    }

    @Test(arguments: rangeCases)
    func rangesAreTheRunnersOwnCheck(_ name: String) throws {
        #expect(throws: DiagnosticError.self) { try CellChecker().check(Self.caseLesson(name)) }
        #expect(try compilerErrors(name) == [])
    }

    @Test func compilerColumnsPointIntoTheLesson() throws {
        let errors = try compilerErrors("no-member")
        // `data.tset`: the compiler sees `_ = try data.tset`; the column maps back to 'tset'.
        #expect(errors.first?.location == SourceLocation(file: "no-member/01-case.md", line: 8, column: 6))
        #expect(errors.first?.message == "value of type 'CourseData' has no member 'tset'")
    }

    @Test func compilerColumnsAccountForQuoteAndListPrefixes() throws {
        let text = "---\ntitle: T\nsummary: S.\n---\n\n> ```swift cell id=load\n> let data = fashionMNIST(trainingLimit: 10)\n> data.tset\n> ```\n\n"
            + "- Item:\n\n  ```swift cell id=more\n  let vae = trainVAE(on: data, epoch: 1)\n  ```\n\nEnd.\n"
        let lesson = try LessonParser(repositoryRoot: "/tmp").parse(bytes: Array(text.utf8), path: "Lessons/04-nested.md").lesson
        let theirs = try compiler().check(lesson)
        var ours: [Diagnostic] = []
        do { _ = try CellChecker().check(lesson) } catch { ours = error.errors }
        #expect(ours.map(\.location.description) == ["Lessons/04-nested.md:8:8", "Lessons/04-nested.md:14:32"])
        #expect(theirs.first?.location.description == "Lessons/04-nested.md:8:8")
        #expect(theirs.map(\.location.line) == [8, 14])
    }

    @Test func theGeneratedProgramInsertsTryAndKeepsLines() throws {
        let folder = FixtureRepository.fixtures.appendingPathComponent("swift-valid")
        let program = SwiftCellProgram(lesson: try lesson(folder, "Lessons/01-valid.md"))
        #expect(program.text.contains("#sourceLocation(file: \"Lessons/01-valid.md\", line: 7)\n// A comment, then a binding.\nlet data = try fashionMNIST(trainingLimit: 1_000)\n_ = try data.train\n"))
        #expect(program.text.contains("let vae = try trainVAE(\n    on: data,"))
        #expect(program.text.contains("_ = try showReconstructions(vae, of: data.test)"))
    }
}
