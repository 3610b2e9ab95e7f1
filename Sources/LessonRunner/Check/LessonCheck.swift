import CourseSteps
import LessonModel

/// Everything `course check` verifies about parsed lessons without running them: that the
/// runner's checker accepts their cells, and that the Swift compiler agrees.
public struct LessonCheck: Sendable {
    /// The steps cells may call.
    public let catalog: [Step]
    /// The compiler check, or nil to skip it.
    public let swift: SwiftTypeCheck?

    public init(catalog: [Step] = StepCatalog.steps, swift: SwiftTypeCheck?) {
        self.catalog = catalog
        self.swift = swift
    }

    /// Every diagnostic of the parsed lessons (warnings included): their parse's, and their
    /// cells' even when the parse found errors, sorted by location, each once.
    ///
    /// The compiler runs once, on the lessons that parsed and that the runner's checker accepted,
    /// so a mistake is reported once; a compiler error on cells the checker accepted means the
    /// two disagree, which the diagnostic says.
    public func diagnostics(of lessons: [AnalyzedLesson]) -> [Diagnostic] {
        var found: [Diagnostic] = []
        var accepted: [Lesson] = []
        for analyzed in lessons {
            found += analyzed.diagnostics
            guard let lesson = analyzed.lesson else { continue }
            do {
                found += try CellChecker(catalog: catalog).check(lesson, unparsed: analyzed.unparsedBindings).warnings
                if !analyzed.hasErrors { accepted.append(lesson) }
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
        return Self.sortedOnce(found)
    }

    /// `diagnostics` sorted by location, each once.
    public static func sortedOnce(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        var seen: Set<Diagnostic> = []
        return DiagnosticError(diagnostics.filter { seen.insert($0).inserted }).diagnostics
    }
}
