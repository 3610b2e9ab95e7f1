import Foundation

/// A value a cell bound, shown in the lesson's text: `` `{swift} distance` ``, a member of one
/// (`` `{swift} classes.covered` ``), or a number to a given precision
/// (`` `{swift} distance, digits: 1` ``). Prose, captions and alt texts can hold them, so no
/// number a run computed is ever copied into the text by hand.
public struct InlineValue: Sendable, Hashable, Codable {
    /// The name a cell bound.
    public var name: String
    /// The properties read from it, in order (`["covered"]` for `classes.covered`).
    public var members: [String]
    /// Decimal places for a number; nil for six significant digits, as metrics show numbers.
    public var digits: Int?
    /// Where the value is written: the code span in prose, or the attribute of a caption.
    public var location: SourceLocation
    /// Where ``name``'s first character is, when the parser could find it in the file (in prose;
    /// not in a caption or alt text): what locates a did-you-mean's fix-it.
    public var nameLocation: SourceLocation?

    /// Creates a value; lessons get theirs from ``parse(codeSpan:at:)``.
    public init(name: String, members: [String], digits: Int?, location: SourceLocation, nameLocation: SourceLocation? = nil) {
        self.name = name
        self.members = members
        self.digits = digits
        self.location = location
        self.nameLocation = nameLocation
    }

    /// The span of the name (`part` 0) or of a member (`part` 1 is `members[0]`), when
    /// ``nameLocation`` is known: the path `name.member` is written on one line, without spaces.
    public func range(ofPart part: Int) -> SourceRange? {
        guard let start = nameLocation else { return nil }
        let parts = [name] + members
        let column = start.column + parts[..<part].reduce(0) { $0 + $1.utf8.count + 1 }
        let first = SourceLocation(file: start.file, line: start.line, column: column)
        return SourceRange(start: first, end: SourceLocation(file: start.file, line: start.line, column: column + parts[part].utf8.count - 1))
    }

    /// What follows `{swift} ` in the code span, normalized: `classes.covered, digits: 1`.
    public var expression: String {
        ([name] + members).joined(separator: ".") + (digits.map { ", digits: \($0)" } ?? "")
    }

    /// The text of a code span that marks an inline value.
    public static let marker = "{swift}"

    /// The value written in a code span's text, if it is one (it starts with `{swift} `); a
    /// span that starts so but does not read as a value is an error, with a hint.
    public static func parse(codeSpan text: String, at location: SourceLocation) -> Result<InlineValue, Diagnostic>? {
        guard text.hasPrefix(marker + " ") || text == marker else { return nil }
        let body = text.dropFirst(marker.count).trimmingSpaces
        let syntax = "write `{swift} name`, `{swift} name.member` or `{swift} name, digits: 2`"
        let parts = body.split(separator: ",", maxSplits: 1).map { $0.trimmingSpaces }
        let path = (parts.first ?? "").split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard let first = path.first, path.allSatisfy(isIdentifier) else {
            return .failure(.error(at: location, "'\(body)' is not a value a cell bound", hint: syntax))
        }
        var digits: Int?
        if parts.count == 2 {
            let option = parts[1]
            guard option.hasPrefix("digits:"), let number = Int(option.dropFirst("digits:".count).trimmingSpaces), (0...12).contains(number) else {
                return .failure(.error(at: location, "unknown format '\(option)' for an inline value", hint: "write `digits: N`, N from 0 to 12"))
            }
            digits = number
        }
        return .success(InlineValue(name: first, members: Array(path.dropFirst()), digits: digits, location: location))
    }

    /// Every code span `` `{swift} …` `` in an attribute's text (a caption, an alt text), with
    /// the range of the whole span, backticks included.
    public static func spans(in text: String) -> [(range: Range<String.Index>, content: String)] {
        var spans: [(range: Range<String.Index>, content: String)] = []
        var searchStart = text.startIndex
        while let open = text.range(of: "`" + marker, range: searchStart..<text.endIndex),
              let close = text.range(of: "`", range: open.upperBound..<text.endIndex) {
            spans.append((open.lowerBound..<close.upperBound, String(text[text.index(after: open.lowerBound)..<close.lowerBound])))
            searchStart = close.upperBound
        }
        return spans
    }

    /// `text` with each value span replaced by its shown value (`shown` nil: a placeholder).
    public static func substitute(in text: String, _ shown: (String) -> String?) -> String {
        var result = ""
        var last = text.startIndex
        for span in spans(in: text) {
            result += text[last..<span.range.lowerBound]
            let key = span.content.dropFirst(marker.count).trimmingSpaces
            result += shown(normalized(key)) ?? placeholder
            last = span.range.upperBound
        }
        return result + text[last...]
    }

    /// What a value whose cell has not run (or failed) shows.
    public static let placeholder = "…"

    /// An expression as ``expression`` writes it, so that `a,digits:1` and `a, digits: 1` match.
    public static func normalized(_ expression: String) -> String {
        let parts = expression.split(separator: ",", maxSplits: 1).map { $0.trimmingSpaces }
        guard parts.count == 2 else { return parts.first ?? "" }
        return parts[0] + ", digits: " + parts[1].dropFirst("digits:".count).trimmingSpaces
    }

    private static func isIdentifier(_ text: String) -> Bool {
        guard let first = text.first, first.isLetter || first == "_" else { return false }
        return text.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" }
    }
}

extension StringProtocol {
    /// Without spaces at either end.
    var trimmingSpaces: String {
        String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}
