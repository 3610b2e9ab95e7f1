import CourseSteps
import Foundation
import LessonModel
import LessonParser

/// Everything `course check` verifies about one lesson without running it: that it parses,
/// that the runner's checker accepts its cells, and that the Swift compiler agrees.
public struct LessonCheck: Sendable {
    /// The repository root.
    public let repository: URL
    /// The steps cells may call.
    public let catalog: [Step]
    /// The compiler check, or nil to skip it.
    public let swift: SwiftTypeCheck?

    public init(repository: URL, catalog: [Step] = StepCatalog.steps, swift: SwiftTypeCheck?) {
        self.repository = repository
        self.catalog = catalog
        self.swift = swift
    }

    /// Every diagnostic of the lesson at `path` (warnings included), sorted by location.
    ///
    /// The compiler runs only when the runner's checker found no error, so a mistake is reported
    /// once; a compiler error on cells the checker accepted means the two disagree, which the
    /// diagnostic says.
    public func diagnostics(lessonAt path: String) -> [Diagnostic] {
        let lesson: Lesson
        var found: [Diagnostic] = []
        do {
            let parsed = try LessonParser(repositoryRoot: repository.path).parse(fileAt: path)
            lesson = parsed.lesson
            found += parsed.warnings
        } catch {
            return error.diagnostics
        }
        do {
            found += try CellChecker(catalog: catalog).check(lesson).warnings
        } catch {
            return DiagnosticError(found + error.diagnostics).diagnostics
        }
        if let swift {
            do {
                found += try swift.check(lesson).map { error in
                    guard error.location.line > 0 else { return error }
                    var error = error
                    error.hint = "the Swift compiler rejects this cell but the runner's checker accepted it; the step catalog and the library disagree"
                    return error
                }
            } catch {
                found.append(.warning(at: SourceLocation(file: lesson.path, line: 0, column: 0),
                                      "cannot run the Swift compiler: \(error)"))
            }
        }
        return DiagnosticError(found).diagnostics
    }
}
