import ArgumentParser
import Foundation
import LessonModel

/// How `course check` prints what it found.
enum DiagnosticFormat: String, ExpressibleByArgument, CaseIterable, Sendable {
    /// As a compiler does, on standard error, then a summary line on standard output.
    case text
    /// One JSON document on standard output, as `Schemas/diagnostics.schema.json` describes.
    case json
}

/// What `course check --format json` prints: the counts and every diagnostic, for editors and
/// CI annotations. `Schemas/diagnostics.schema.json` is its schema; keep the two in step, and
/// raise ``currentVersion`` when a change would break a reader.
///
/// Lines and columns are 1-based and count UTF-8 bytes, as in the text form; a line of 0 names
/// the whole file and a column of 0 the whole line. An end (`endLine`, `endColumn`) is the
/// position just after the last character, so a fix-it's range is the text it replaces.
struct CheckReport: Codable, Equatable, Sendable {
    static let currentVersion = 1

    /// The version of this format.
    var version: Int
    /// How many lessons were checked.
    var lessons: Int
    /// How many of the diagnostics are errors (notes inside them not counted).
    var errors: Int
    /// How many of the diagnostics are warnings.
    var warnings: Int
    /// Every diagnostic, in the order the text form prints them.
    var diagnostics: [Entry]

    /// One diagnostic.
    struct Entry: Codable, Equatable, Sendable {
        var file: String
        var line: Int
        var column: Int
        /// The end of the text at fault, when it is known.
        var endLine: Int?
        var endColumn: Int?
        var severity: Diagnostic.Severity
        var message: String
        var hint: String?
        /// Edits that fix the problem, in the diagnostic's file.
        var fixIts: [FixIt]
        /// Further locations that explain this one, each a diagnostic of severity `note`.
        var notes: [Entry]

        init(_ diagnostic: Diagnostic) {
            let location = diagnostic.location
            (file, line, column) = (location.file, location.line, location.column)
            endLine = diagnostic.end?.line
            endColumn = diagnostic.end.map { $0.column + 1 }
            severity = diagnostic.severity
            message = diagnostic.message
            hint = diagnostic.hint
            fixIts = diagnostic.fixIts.map(FixIt.init)
            notes = diagnostic.notes.map(Entry.init)
        }
    }

    /// A replacement: the text from (`line`, `column`) up to (`endLine`, `endColumn`), excluded,
    /// becomes `replacement`.
    struct FixIt: Codable, Equatable, Sendable {
        var line: Int
        var column: Int
        var endLine: Int
        var endColumn: Int
        var replacement: String

        init(_ fixIt: LessonModel.FixIt) {
            (line, column) = (fixIt.range.start.line, fixIt.range.start.column)
            (endLine, endColumn) = (fixIt.range.end.line, fixIt.range.end.column + 1)
            replacement = fixIt.replacement
        }
    }

    /// The report of `diagnostics` found in `lessons` lessons.
    init(lessons: Int, diagnostics: [Diagnostic]) {
        version = Self.currentVersion
        self.lessons = lessons
        errors = diagnostics.filter { $0.severity == .error }.count
        warnings = diagnostics.filter { $0.severity == .warning }.count
        self.diagnostics = diagnostics.map(Entry.init)
    }

    /// The document, pretty-printed with its keys sorted, so that it reads the same every time.
    var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Encoding plain strings and numbers cannot fail.
        return String(decoding: try! encoder.encode(self), as: UTF8.self)
    }
}
