/// Everything parsing a lesson found, errors or not: the lesson as far as it could be read and
/// every diagnostic, so that a tool can go on to check its cells and report all at once.
public struct AnalyzedLesson: Sendable, Equatable {
    /// The lesson, with defaults where its front matter or file name is broken (an empty title
    /// or summary, number 0); nil when the file could not be read as a lesson at all (unreadable,
    /// too large, not UTF-8, front matter that never ends).
    public var lesson: Lesson?
    /// Every diagnostic of the parse, errors and warnings, sorted by location.
    public var diagnostics: [Diagnostic]
    /// The names of `let` statements in cells that did not parse: a checker takes them as bound
    /// (to something it cannot check), so a syntax error is reported once.
    public var unparsedBindings: Set<String>

    /// Creates an analysis; `diagnostics` are sorted by location.
    public init(lesson: Lesson?, diagnostics: [Diagnostic], unparsedBindings: Set<String> = []) {
        self.lesson = lesson
        self.diagnostics = DiagnosticError(diagnostics).diagnostics
        self.unparsedBindings = unparsedBindings
    }

    /// Whether any diagnostic is an error.
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}
