/// A problem writing the site that is not about a lesson's content (those are `DiagnosticError`s).
public struct SiteError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong, in one lowercase sentence.
    public var message: String
    /// How to fix it, if we know.
    public var hint: String?

    /// Creates an error.
    public init(_ message: String, hint: String? = nil) {
        self.message = message
        self.hint = hint
    }

    /// `error: message`, then `  hint: …` on its own line, as the other tools print errors.
    public var description: String {
        var text = "error: \(message)"
        if let hint { text += "\n  hint: \(hint)" }
        return text
    }
}
