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
    public func diagnostics(lessonAt path: String) -> [Diagnostic] {
        diagnostics(lessonsAt: [path])
    }

    /// Every diagnostic of the lessons at `paths` (warnings included), sorted by location.
    ///
    /// The compiler runs once, on the lessons the runner's checker accepted, so a mistake is
    /// reported once; a compiler error on cells the checker accepted means the two disagree,
    /// which the diagnostic says.
    public func diagnostics(lessonsAt paths: [String]) -> [Diagnostic] {
        var found: [Diagnostic] = []
        var accepted: [Lesson] = []
        for path in paths {
            do {
                let parsed = try LessonParser(repositoryRoot: repository.path).parse(fileAt: path)
                found += parsed.warnings
                found += try CellChecker(catalog: catalog).check(parsed.lesson).warnings
                accepted.append(parsed.lesson)
            } catch {
                found += error.diagnostics
            }
        }
        if let swift, !accepted.isEmpty {
            do {
                for error in try swift.check(accepted).values.joined() {
                    var error = error
                    error.hint = "the Swift compiler rejects this cell but the runner's checker accepted it; the step catalog and the library disagree"
                    found.append(error)
                }
            } catch {
                found.append(.warning(at: SourceLocation(file: accepted[0].path, line: 0, column: 0),
                                      "cannot type-check the cells with the Swift compiler: \(error)"))
            }
        }
        return DiagnosticError(found).diagnostics
    }
}
