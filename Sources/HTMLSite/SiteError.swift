/// A problem writing the site that is not about a lesson's content (those are `DiagnosticError`s).
public struct SiteError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file or folder the problem is about, if there is one.
    public var path: String?
    /// What went wrong, in one lowercase sentence.
    public var message: String
    /// How to fix it, if we know.
    public var hint: String?

    /// Creates an error about `path`.
    public init(_ message: String, path: String? = nil, hint: String? = nil) {
        self.path = path
        self.message = message
        self.hint = hint
    }

    /// `path: error: message`, then `  hint: …` on its own line, as diagnostics print.
    public var description: String {
        var text = path.map { "\($0): " } ?? ""
        text += "error: \(message)"
        if let hint { text += "\n  hint: \(hint)" }
        return text
    }
}
