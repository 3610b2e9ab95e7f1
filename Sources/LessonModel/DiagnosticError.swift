/// An error that carries every diagnostic found, so a tool can print them all at once.
///
/// It holds at least one diagnostic of severity `error`; warnings found on the way travel with it.
public struct DiagnosticError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The diagnostics, sorted by location.
    public var diagnostics: [Diagnostic]

    /// Creates an error from diagnostics, which are sorted by location (stable for equal locations).
    public init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics.enumerated()
            .sorted { ($0.element.location, $0.offset) < ($1.element.location, $1.offset) }
            .map(\.element)
    }

    /// Creates an error from one diagnostic.
    public init(_ diagnostic: Diagnostic) {
        self.init([diagnostic])
    }

    /// The diagnostics of severity `error`.
    public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }

    /// Every diagnostic in compiler form, one after another.
    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
