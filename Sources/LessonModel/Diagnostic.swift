/// A located message about a lesson: an error, a warning or a note, printed like a compiler's.
///
/// The printed form is the single place that decides how diagnostics look:
///
///     Lessons/02-vae-loss.md:31:22: error: unknown argument label 'epoch'
///       hint: did you mean 'epochs'?
///     Lessons/02-vae-loss.md:12:5: note: 'epochs' is declared here
///
/// The first line is the location, severity and message; a hint (if any) follows on its own line
/// indented by two spaces; attached notes follow, each in the same form.
public struct Diagnostic: Sendable, Hashable, Codable, CustomStringConvertible, Error {
    /// How serious a diagnostic is.
    public enum Severity: String, Sendable, Hashable, Codable, CustomStringConvertible {
        case error, warning, note
        public var description: String { rawValue }
    }

    /// Whether this stops the lesson from being used, or only informs.
    public var severity: Severity
    /// Where the problem is.
    public var location: SourceLocation
    /// What is wrong, in one lowercase sentence without a final period.
    public var message: String
    /// How to fix it, if we know.
    public var hint: String?
    /// Further locations that explain this one, such as the first definition of a duplicate.
    public var notes: [Diagnostic]
    /// The last character of the text at fault (inclusive), when it is known: the end of the
    /// unknown name that starts at ``location``. Not part of the printed form.
    public var end: SourceLocation?
    /// Edits that fix the problem, when one is certain enough to offer (the did-you-mean's
    /// name in place of the unknown one). Not part of the printed form: editors apply them.
    public var fixIts: [FixIt]

    /// Creates a diagnostic.
    public init(
        _ severity: Severity, at location: SourceLocation, _ message: String,
        hint: String? = nil, notes: [Diagnostic] = [], end: SourceLocation? = nil, fixIts: [FixIt] = []
    ) {
        self.severity = severity
        self.location = location
        self.message = message
        self.hint = hint
        self.notes = notes
        self.end = end
        self.fixIts = fixIts
    }

    private enum CodingKeys: String, CodingKey {
        case severity, location, message, hint, notes, end, fixIts
    }

    /// Decodes a diagnostic; `end` and `fixIts` may be absent (diagnostics cached before they existed).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        severity = try container.decode(Severity.self, forKey: .severity)
        location = try container.decode(SourceLocation.self, forKey: .location)
        message = try container.decode(String.self, forKey: .message)
        hint = try container.decodeIfPresent(String.self, forKey: .hint)
        notes = try container.decode([Diagnostic].self, forKey: .notes)
        end = try container.decodeIfPresent(SourceLocation.self, forKey: .end)
        fixIts = try container.decodeIfPresent([FixIt].self, forKey: .fixIts) ?? []
    }

    /// The span at fault, from ``location`` to ``end``, when the end is known.
    public var range: SourceRange? { end.map { SourceRange(start: location, end: $0) } }

    /// The same diagnostic spanning `range`, with the fix-it that writes `replacement` there when
    /// there is one (the name a did-you-mean suggests).
    public func spanning(_ range: SourceRange, replacement: String? = nil) -> Diagnostic {
        var spanned = self
        spanned.location = range.start
        spanned.end = range.end
        if let replacement { spanned.fixIts.append(FixIt(replacing: range, with: replacement)) }
        return spanned
    }

    /// Creates an error.
    public static func error(at location: SourceLocation, _ message: String, hint: String? = nil, notes: [Diagnostic] = []) -> Diagnostic {
        Diagnostic(.error, at: location, message, hint: hint, notes: notes)
    }

    /// Creates a warning.
    public static func warning(at location: SourceLocation, _ message: String, hint: String? = nil) -> Diagnostic {
        Diagnostic(.warning, at: location, message, hint: hint)
    }

    /// Creates a note, to attach to another diagnostic.
    public static func note(at location: SourceLocation, _ message: String) -> Diagnostic {
        Diagnostic(.note, at: location, message)
    }

    /// The compiler-style text: `file:line:col: severity: message`, then `  hint: …`, then notes.
    public var description: String {
        var lines = ["\(location): \(severity): \(message)"]
        if let hint { lines.append("  hint: \(hint)") }
        lines += notes.map(\.description)
        return lines.joined(separator: "\n")
    }
}
