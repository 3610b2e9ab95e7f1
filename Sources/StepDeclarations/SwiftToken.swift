/// The tokens of the Swift a `Steps/` file is written in, as far as the catalog generator needs
/// them: names, numbers, whole string literals, punctuation and `///` doc lines, each with its
/// place in the file. Other comments are dropped.
struct SwiftToken: Equatable {
    enum Kind: Equatable {
        case identifier, number, string, punctuation, docLine
    }

    var kind: Kind
    /// The token's text; for a doc line, the text after `///` and one space.
    var text: String
    /// The byte offsets of the token in the file.
    var start: Int, end: Int
    /// The 1-based line and column of its first byte.
    var line: Int, column: Int

    func `is`(_ punctuation: String) -> Bool { kind == .punctuation && text == punctuation }
}

/// Splits Swift source into ``SwiftToken``s.
struct SwiftTokenizer {
    private let bytes: [UInt8]
    private var offset = 0
    private var line = 1
    private var lineStart = 0

    init(_ source: String) {
        bytes = Array(source.utf8)
    }

    /// The tokens, or the place of a construct it cannot read (an unterminated string or comment).
    mutating func tokens() throws(StepDeclarationError) -> [SwiftToken] {
        var tokens: [SwiftToken] = []
        while offset < bytes.count {
            let byte = bytes[offset]
            let start = offset, column = offset - lineStart + 1, startLine = line
            func token(_ kind: SwiftToken.Kind, _ text: String? = nil) -> SwiftToken {
                SwiftToken(kind: kind, text: text ?? String(decoding: bytes[start..<offset], as: UTF8.self),
                           start: start, end: offset, line: startLine, column: column)
            }
            if byte == UInt8(ascii: "\n") {
                offset += 1
                line += 1
                lineStart = offset
            } else if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r") {
                offset += 1
            } else if starts(with: "///") {
                while offset < bytes.count, bytes[offset] != UInt8(ascii: "\n") { offset += 1 }
                var text = String(decoding: bytes[(start + 3)..<offset], as: UTF8.self)
                if text.hasPrefix(" ") { text.removeFirst() }
                tokens.append(token(.docLine, text))
            } else if starts(with: "//") {
                while offset < bytes.count, bytes[offset] != UInt8(ascii: "\n") { offset += 1 }
            } else if starts(with: "/*") {
                try skipBlockComment(line: startLine, column: column)
            } else if byte == UInt8(ascii: "\"") {
                try skipString(line: startLine, column: column)
                tokens.append(token(.string))
            } else if isIdentifierStart(byte) || byte == UInt8(ascii: "@") {
                offset += 1
                while offset < bytes.count, isIdentifierPart(bytes[offset]) { offset += 1 }
                tokens.append(token(.identifier))
            } else if isDigit(byte) {
                scanNumber()
                tokens.append(token(.number))
            } else {
                for punctuation in ["->", "...", "..<"] where starts(with: punctuation) {
                    offset += punctuation.utf8.count
                    break
                }
                if offset == start { offset += 1 }
                tokens.append(token(.punctuation))
            }
        }
        return tokens
    }

    private func starts(with text: String) -> Bool {
        let utf8 = Array(text.utf8)
        return offset + utf8.count <= bytes.count && Array(bytes[offset..<(offset + utf8.count)]) == utf8
    }

    private func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    private func isIdentifierStart(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            || byte == UInt8(ascii: "_") || byte >= 0x80
    }

    private func isIdentifierPart(_ byte: UInt8) -> Bool { isIdentifierStart(byte) || isDigit(byte) }

    /// A number such as `60_000`, `1e-7` or `0.5`; `1...5` is a number, a range operator and a number.
    private mutating func scanNumber() {
        while offset < bytes.count {
            let byte = bytes[offset]
            if isIdentifierPart(byte) {
                let isExponent = byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E")
                offset += 1
                if isExponent, offset < bytes.count, bytes[offset] == UInt8(ascii: "-") || bytes[offset] == UInt8(ascii: "+") { offset += 1 }
            } else if byte == UInt8(ascii: "."), offset + 1 < bytes.count, isDigit(bytes[offset + 1]) {
                offset += 1
            } else {
                return
            }
        }
    }

    private mutating func skipBlockComment(line: Int, column: Int) throws(StepDeclarationError) {
        offset += 2
        while offset < bytes.count, !starts(with: "*/") { advanceCountingLines() }
        guard offset < bytes.count else { throw StepDeclarationError(line: line, column: column, "unterminated comment") }
        offset += 2
    }

    /// Skips a string literal, single-line or `"""`, including interpolations, which may hold
    /// strings of their own.
    private mutating func skipString(line: Int, column: Int) throws(StepDeclarationError) {
        let delimiter = starts(with: "\"\"\"") ? "\"\"\"" : "\""
        offset += delimiter.utf8.count
        while offset < bytes.count {
            if starts(with: delimiter) {
                offset += delimiter.utf8.count
                return
            }
            if starts(with: "\\(") {
                offset += 2
                try skipInterpolation(line: line, column: column)
            } else if bytes[offset] == UInt8(ascii: "\\") {
                offset += 2
            } else if bytes[offset] == UInt8(ascii: "\n"), delimiter == "\"" {
                break
            } else {
                advanceCountingLines()
            }
        }
        throw StepDeclarationError(line: line, column: column, "unterminated string literal")
    }

    private mutating func skipInterpolation(line: Int, column: Int) throws(StepDeclarationError) {
        var depth = 1
        while offset < bytes.count {
            switch bytes[offset] {
            case UInt8(ascii: "("): depth += 1; offset += 1
            case UInt8(ascii: ")"):
                depth -= 1
                offset += 1
                if depth == 0 { return }
            case UInt8(ascii: "\""): try skipString(line: line, column: column)
            default: advanceCountingLines()
            }
        }
        throw StepDeclarationError(line: line, column: column, "unterminated string interpolation")
    }

    private mutating func advanceCountingLines() {
        if bytes[offset] == UInt8(ascii: "\n") {
            line += 1
            lineStart = offset + 1
        }
        offset += 1
    }
}
