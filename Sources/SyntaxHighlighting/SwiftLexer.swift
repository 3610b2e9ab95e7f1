/// Splits Swift source into highlighting tokens.
///
/// This is a highlighter's lexer, not a compiler's: it never fails, and on malformed input
/// (an unterminated string, a stray backtick) it still returns tokens that concatenate back to
/// the input. Names are classified by their shape and neighbours: a capitalised name is a
/// type, a name before `(` is a function, a name before `:` inside a call is a label.
public enum SwiftLexer {
    public static func tokenize(_ source: String) -> [Token] {
        var scanner = SwiftScanner(Array(source.unicodeScalars))
        scanner.scanCode(insideInterpolation: false, depth: 0)
        return scanner.tokens
    }

    /// Swift's reserved words and the contextual keywords that read as keywords in code.
    static let keywords: Set<String> = [
        "associatedtype", "class", "deinit", "enum", "extension", "fileprivate", "func", "import",
        "init", "inout", "internal", "let", "open", "operator", "private", "precedencegroup",
        "protocol", "public", "rethrows", "static", "struct", "subscript", "typealias", "var",
        "break", "case", "catch", "continue", "default", "defer", "do", "else", "fallthrough",
        "for", "guard", "if", "in", "repeat", "return", "throw", "switch", "where", "while",
        "Any", "as", "await", "false", "is", "nil", "self", "Self", "super", "throws", "true",
        "try", "async", "actor", "nonisolated", "some", "any", "mutating", "nonmutating", "lazy",
        "weak", "unowned", "final", "override", "required", "convenience", "indirect", "package",
        "consuming", "borrowing", "sending", "_",
    ]
}

/// The scanning state behind ``SwiftLexer``.
struct SwiftScanner {
    private let scalars: [Unicode.Scalar]
    private var position = 0
    private(set) var tokens: [Token] = []
    /// The index in `tokens` of the last token that is not whitespace or a comment.
    private var lastSignificant: Int?
    /// The significant token before `lastSignificant`.
    private var earlierSignificant: Int?

    /// Interpolations nest at most this deep; deeper `\(` stays part of the string, so
    /// hostile input cannot exhaust the stack.
    private static let maximumInterpolationDepth = 16

    init(_ scalars: [Unicode.Scalar]) {
        self.scalars = scalars
    }

    // MARK: - Code

    /// Scans code until the end, or, inside an interpolation, until its unbalanced `)`.
    mutating func scanCode(insideInterpolation: Bool, depth: Int) {
        var parentheses = 0
        while position < scalars.count {
            let start = position
            let scalar = scalars[position]
            switch scalar {
            case " ", "\t", "\n", "\r":
                while position < scalars.count, [" ", "\t", "\n", "\r"].contains(scalars[position]) { position += 1 }
                emit(.plain, from: start)
            case "/" where peek(1) == "/":
                while position < scalars.count, scalars[position] != "\n" { position += 1 }
                let isDoc = peek(at: start + 2) == "/" && peek(at: start + 3) != "/"
                emit(isDoc ? .docComment : .comment, from: start)
            case "/" where peek(1) == "*":
                scanBlockComment()
                let isDoc = peek(at: start + 2) == "*" && peek(at: start + 3) != "*" && peek(at: start + 3) != "/"
                emit(isDoc ? .docComment : .comment, from: start)
            case "\"":
                scanString(hashes: 0, depth: depth)
            case "#":
                scanHash(depth: depth)
            case "@":
                position += 1
                while position < scalars.count, Self.isIdentifierPart(scalars[position]) { position += 1 }
                emit(position - start > 1 ? .attribute : .operator, from: start)
            case "0"..."9":
                scanNumber()
                emit(.number, from: start)
            case "`":
                scanBacktickIdentifier()
            case "(":
                parentheses += 1
                position += 1
                emit(.punctuation, from: start)
            case ")":
                if insideInterpolation, parentheses == 0 { return }
                parentheses -= 1
                position += 1
                emit(.punctuation, from: start)
            case "[", "]", "{", "}", ",", ":", ";":
                position += 1
                emit(.punctuation, from: start)
            case "$":
                position += 1
                while position < scalars.count, Self.isIdentifierPart(scalars[position]) { position += 1 }
                emit(.plain, from: start)
            default:
                if Self.isIdentifierStart(scalar) {
                    scanIdentifier()
                } else if Self.operatorCharacters.contains(scalar) {
                    scanOperator()
                } else {
                    position += 1
                    emit(.plain, from: start)
                }
            }
        }
    }

    private mutating func scanBlockComment() {
        position += 2
        var nesting = 1
        while position < scalars.count, nesting > 0 {
            if scalars[position] == "/", peek(1) == "*" {
                nesting += 1
                position += 2
            } else if scalars[position] == "*", peek(1) == "/" {
                nesting -= 1
                position += 2
            } else {
                position += 1
            }
        }
    }

    private mutating func scanHash(depth: Int) {
        let start = position
        var hashes = 0
        while peek(at: start + hashes) == "#" { hashes += 1 }
        if peek(at: start + hashes) == "\"" {
            scanString(hashes: hashes, depth: depth)
            return
        }
        position += 1
        if hashes == 1, position < scalars.count, Self.isIdentifierStart(scalars[position]) {
            while position < scalars.count, Self.isIdentifierPart(scalars[position]) { position += 1 }
            emit(.keyword, from: start)
        } else {
            emit(.plain, from: start)
        }
    }

    private mutating func scanNumber() {
        let isDigit: (Unicode.Scalar) -> Bool
        if scalars[position] == "0", let base = peek(1), ["x", "b", "o"].contains(base) {
            position += 2
            isDigit = base == "x" ? { $0.properties.isASCIIHexDigit || $0 == "_" } : { ("0"..."9").contains($0) || $0 == "_" }
            while let next = peek(0), isDigit(next) { position += 1 }
            guard base == "x" else { return }
            if peek(0) == ".", let next = peek(1), next.properties.isASCIIHexDigit {
                position += 1
                while let next = peek(0), isDigit(next) { position += 1 }
            }
            scanExponent(markers: ["p", "P"])
            return
        }
        isDigit = { ("0"..."9").contains($0) || $0 == "_" }
        while let next = peek(0), isDigit(next) { position += 1 }
        if peek(0) == ".", let next = peek(1), ("0"..."9").contains(next) {
            position += 1
            while let next = peek(0), isDigit(next) { position += 1 }
        }
        scanExponent(markers: ["e", "E"])
    }

    private mutating func scanExponent(markers: Set<Unicode.Scalar>) {
        guard let marker = peek(0), markers.contains(marker) else { return }
        var cursor = position + 1
        if let sign = peek(at: cursor), sign == "+" || sign == "-" { cursor += 1 }
        guard let digit = peek(at: cursor), ("0"..."9").contains(digit) else { return }
        position = cursor
        while let next = peek(0), ("0"..."9").contains(next) || next == "_" { position += 1 }
    }

    private mutating func scanBacktickIdentifier() {
        let start = position
        var cursor = position + 1
        while let next = peek(at: cursor), Self.isIdentifierPart(next) { cursor += 1 }
        guard peek(at: cursor) == "`", cursor > start + 1 else {
            position += 1
            emit(.plain, from: start)
            return
        }
        position = cursor + 1
        let isType = scalars[start + 1].properties.isUppercase
        emit(isType ? .type : .plain, from: start)
    }

    private mutating func scanIdentifier() {
        let start = position
        while position < scalars.count, Self.isIdentifierPart(scalars[position]) { position += 1 }
        let name = String(String.UnicodeScalarView(scalars[start..<position]))
        let previous = lastSignificant.map { tokens[$0] }
        if SwiftLexer.keywords.contains(name), previous?.text != "." {
            emit(.keyword, from: start)
        } else if scalars[start].properties.isUppercase {
            emit(.type, from: start)
        } else if peek(0) == "(" || previous?.text == "func" || (previous?.text == "." && nextNonBlank() == "{") {
            emit(.function, from: start)
        } else if peek(0) == ":", peek(1) != ":" {
            emit(labelKind(), from: start)
        } else {
            emit(.plain, from: start)
        }
    }

    /// A name right before `:` is an argument label after `(` or `,`; after another plain
    /// name in that position it is the internal parameter name, and the earlier name is the
    /// label, as in `func train(on data: Dataset)`.
    private mutating func labelKind() -> TokenKind {
        guard let last = lastSignificant else { return .plain }
        if Self.opensArgument(tokens[last]) { return .argumentLabel }
        if tokens[last].kind == .plain, let before = earlierSignificant, Self.opensArgument(tokens[before]) {
            tokens[last].kind = .argumentLabel
        }
        return .plain
    }

    private static func opensArgument(_ token: Token) -> Bool {
        token.kind == .punctuation && (token.text == "(" || token.text == ",")
    }

    private mutating func scanOperator() {
        let start = position
        while position < scalars.count, Self.operatorCharacters.contains(scalars[position]) {
            // A comment starts even in the middle of an operator run.
            if scalars[position] == "/", let next = peek(1), next == "/" || next == "*", position > start { break }
            position += 1
        }
        let text = String(String.UnicodeScalarView(scalars[start..<position]))
        emit(text == "." ? .punctuation : .operator, from: start)
    }

    // MARK: - Strings

    /// Scans a string literal from its first `#` or `"`: single-line or `"""` multi-line,
    /// raw with any number of `#`, with `\(…)` interpolations scanned as code.
    private mutating func scanString(hashes: Int, depth: Int) {
        var segmentStart = position
        position += hashes
        let multiline = peek(0) == "\"" && peek(1) == "\"" && peek(2) == "\""
        position += multiline ? 3 : 1
        let quotes = multiline ? 3 : 1
        while position < scalars.count {
            let scalar = scalars[position]
            if !multiline, scalar == "\n" || scalar == "\r" { break }
            if scalar == "\\", matches("#", count: hashes, at: position + 1) {
                let afterHashes = position + 1 + hashes
                if peek(at: afterHashes) == "(", depth < Self.maximumInterpolationDepth {
                    emit(.string, from: segmentStart)
                    let open = position
                    position = afterHashes + 1
                    emit(.interpolation, from: open)
                    scanCode(insideInterpolation: true, depth: depth + 1)
                    if position < scalars.count {
                        let close = position
                        position += 1
                        emit(.interpolation, from: close)
                    }
                    segmentStart = position
                    continue
                }
                position = min(scalars.count, afterHashes + 1)
                continue
            }
            if scalar == "\"", matches("\"", count: quotes, at: position), matches("#", count: hashes, at: position + quotes) {
                position += quotes + hashes
                break
            }
            position += 1
        }
        emit(.string, from: segmentStart)
    }

    private func matches(_ scalar: Unicode.Scalar, count: Int, at index: Int) -> Bool {
        (0..<count).allSatisfy { peek(at: index + $0) == scalar }
    }

    // MARK: - Helpers

    private mutating func emit(_ kind: TokenKind, from start: Int) {
        guard position > start else { return }
        let text = String(String.UnicodeScalarView(scalars[start..<position]))
        tokens.append(Token(kind, text))
        if kind != .comment, kind != .docComment, !(kind == .plain && text.allSatisfy(\.isWhitespace)) {
            earlierSignificant = lastSignificant
            lastSignificant = tokens.count - 1
        }
    }

    private func peek(_ offset: Int) -> Unicode.Scalar? { peek(at: position + offset) }

    private func peek(at index: Int) -> Unicode.Scalar? {
        index >= 0 && index < scalars.count ? scalars[index] : nil
    }

    private func nextNonBlank() -> Unicode.Scalar? {
        var cursor = position
        while let next = peek(at: cursor), next == " " || next == "\t" { cursor += 1 }
        return peek(at: cursor)
    }

    private static let operatorCharacters: Set<Unicode.Scalar> = ["/", "=", "-", "+", "!", "*", "%", "<", ">", "&", "|", "^", "~", "?", "."]

    private static func isIdentifierStart(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "_" || scalar.properties.isAlphabetic
    }

    private static func isIdentifierPart(_ scalar: Unicode.Scalar) -> Bool {
        isIdentifierStart(scalar) || ("0"..."9").contains(scalar) || scalar.properties.generalCategory == .nonspacingMark
    }
}
