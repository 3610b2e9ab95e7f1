import LessonModel

/// Splits a cell's body into tokens, reporting characters and literals it cannot read.
///
/// `//` comments run to the end of the line and are dropped.
struct CellLexer {
    private let bytes: [UInt8]
    private let map: CellSourceMap
    private var index = 0
    private var lineIndex = 0
    private var lineStart = 0
    private(set) var diagnostics: [Diagnostic] = []

    init(source: String, map: CellSourceMap) {
        bytes = Array(source.utf8)
        self.map = map
    }

    /// Every token of the body, ending with `.end`.
    mutating func tokenize() -> [CellToken] {
        var tokens: [CellToken] = []
        while true {
            let token = next()
            tokens.append(token)
            if token.kind == .end { return tokens }
        }
    }

    private func location(_ offset: Int) -> SourceLocation {
        map.location(lineIndex: lineIndex, column: offset - lineStart + 1)
    }

    private func token(_ kind: CellToken.Kind, from start: Int) -> CellToken {
        CellToken(kind: kind, range: SourceRange(start: location(start), end: location(max(start, index - 1))))
    }

    private func peek(_ offset: Int = 0) -> UInt8? {
        index + offset < bytes.count ? bytes[index + offset] : nil
    }

    private mutating func next() -> CellToken {
        skipSpacesAndComments()
        let start = index
        guard let byte = peek() else { return token(.end, from: start) }
        index += 1
        switch byte {
        case UInt8(ascii: "\n"):
            let newline = token(.newline, from: start)
            lineIndex += 1
            lineStart = index
            return newline
        case UInt8(ascii: "("): return token(.leftParenthesis, from: start)
        case UInt8(ascii: ")"): return token(.rightParenthesis, from: start)
        case UInt8(ascii: "["): return token(.leftBracket, from: start)
        case UInt8(ascii: "]"): return token(.rightBracket, from: start)
        case UInt8(ascii: ","): return token(.comma, from: start)
        case UInt8(ascii: ":"): return token(.colon, from: start)
        case UInt8(ascii: "="), UInt8(ascii: "!"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "&"), UInt8(ascii: "|"):
            return operatorToken(from: start)
        case UInt8(ascii: "-"): return token(.minus, from: start)
        case UInt8(ascii: ";"): return token(.semicolon, from: start)
        case UInt8(ascii: "."):
            if let digit = peek(), isDigit(digit) {
                while let next = peek(), isIdentifierByte(next) || next == UInt8(ascii: ".") { index += 1 }
                let text = String(decoding: bytes[start..<index], as: UTF8.self)
                diagnostics.append(.error(
                    at: location(start), "'\(text)' is not a valid number", hint: "write '0\(text)'"))
                return token(.invalid, from: start)
            }
            return token(.dot, from: start)
        case UInt8(ascii: "\""):
            return string(from: start)
        case UInt8(ascii: "'"):
            while let next = peek(), next != UInt8(ascii: "\n") {
                index += 1
                if next == UInt8(ascii: "'") { break }
            }
            diagnostics.append(.error(at: location(start), "strings use double quotes in cells", hint: "write \"…\" instead of '…'"))
            return token(.invalid, from: start)
        case _ where isDigit(byte):
            return number(from: start)
        case _ where isIdentifierStart(byte):
            while let next = peek(), isIdentifierByte(next) { index += 1 }
            return token(.identifier(String(decoding: bytes[start..<index], as: UTF8.self)), from: start)
        default:
            return unexpectedCharacter(from: start)
        }
    }

    private mutating func skipSpacesAndComments() {
        while let byte = peek() {
            if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r") {
                index += 1
            } else if byte == UInt8(ascii: "/"), peek(1) == UInt8(ascii: "/") {
                while let next = peek(), next != UInt8(ascii: "\n") { index += 1 }
            } else {
                return
            }
        }
    }

    /// Digits with `_` separators, an optional fraction and an optional exponent.
    private mutating func number(from start: Int) -> CellToken {
        var isFloatingPoint = false
        while let next = peek(), isDigit(next) || next == UInt8(ascii: "_") { index += 1 }
        if peek() == UInt8(ascii: "."), let digit = peek(1), isDigit(digit) {
            isFloatingPoint = true
            index += 1
            while let next = peek(), isDigit(next) || next == UInt8(ascii: "_") { index += 1 }
        }
        if let e = peek(), e == UInt8(ascii: "e") || e == UInt8(ascii: "E") {
            let signLength = peek(1) == UInt8(ascii: "+") || peek(1) == UInt8(ascii: "-") ? 1 : 0
            if let digit = peek(1 + signLength), isDigit(digit) {
                isFloatingPoint = true
                index += 1 + signLength
                while let next = peek(), isDigit(next) || next == UInt8(ascii: "_") { index += 1 }
            }
        }
        if let next = peek(), isIdentifierByte(next) {
            while let next = peek(), isIdentifierByte(next) { index += 1 }
            let text = String(decoding: bytes[start..<index], as: UTF8.self)
            diagnostics.append(.error(
                at: location(start), "'\(text)' is not a valid number",
                hint: "numbers are written in decimal, like 20_000, 0.5 or 1e-3"))
            return token(.invalid, from: start)
        }
        let text = String(decoding: bytes[start..<index], as: UTF8.self)
        return token(isFloatingPoint ? .floatingPoint(text) : .integer(text), from: start)
    }

    /// A double-quoted string on one line, with the escapes `\"`, `\\`, `\n` and `\t`.
    private mutating func string(from start: Int) -> CellToken {
        var value: [UInt8] = []
        var isValid = true
        while let byte = peek() {
            if byte == UInt8(ascii: "\n") { break }
            index += 1
            if byte == UInt8(ascii: "\"") {
                return isValid ? token(.string(String(decoding: value, as: UTF8.self)), from: start) : token(.invalid, from: start)
            }
            guard byte == UInt8(ascii: "\\") else {
                value.append(byte)
                continue
            }
            let escapeStart = index - 1
            guard let escaped = peek(), escaped != UInt8(ascii: "\n") else { break }
            index += 1
            switch escaped {
            case UInt8(ascii: "\""): value.append(UInt8(ascii: "\""))
            case UInt8(ascii: "\\"): value.append(UInt8(ascii: "\\"))
            case UInt8(ascii: "n"): value.append(UInt8(ascii: "\n"))
            case UInt8(ascii: "t"): value.append(UInt8(ascii: "\t"))
            case UInt8(ascii: "("):
                isValid = false
                diagnostics.append(.error(
                    at: location(escapeStart), "string interpolation is not supported in cells",
                    hint: "pass the value as its own argument instead"))
            default:
                isValid = false
                let character = String(decoding: bytes[(index - 1)..<min(bytes.count, index - 1 + scalarLength(escaped))], as: UTF8.self)
                diagnostics.append(.error(
                    at: location(escapeStart), "invalid escape sequence '\\\(character)' in string",
                    hint: "the escapes are \\\", \\\\, \\n and \\t"))
            }
        }
        diagnostics.append(.error(
            at: location(start), "unterminated string literal",
            hint: "close the string with '\"' on the same line"))
        return token(.invalid, from: start)
    }

    /// `=`, or an operator of two characters (`==`, `&&`) or one (`<`); a lone `!`, `&` or `|`
    /// is not one of the cell language's.
    private mutating func operatorToken(from start: Int) -> CellToken {
        if let second = peek(), let op = BinaryOperator(rawValue: String(decoding: [bytes[start], second], as: UTF8.self)) {
            index += 1
            return token(.binaryOperator(op), from: start)
        }
        if let op = BinaryOperator(rawValue: String(decoding: [bytes[start]], as: UTF8.self)) {
            return token(.binaryOperator(op), from: start)
        }
        if bytes[start] == UInt8(ascii: "=") { return token(.equals, from: start) }
        let character = String(decoding: [bytes[start]], as: UTF8.self)
        let hint = character == "!" ? "cells have no '!'; compare with '== false', or state the claim the other way round"
            : "cells join claims with '\(character)\(character)'"
        diagnostics.append(.error(at: location(start), "unexpected character '\(character)' in cell", hint: hint))
        return token(.invalid, from: start)
    }

    private mutating func unexpectedCharacter(from start: Int) -> CellToken {
        let length = scalarLength(bytes[start])
        index = min(bytes.count, start + length)
        let character = String(decoding: bytes[start..<index], as: UTF8.self)
        var hint: String?
        switch character {
        case "/": hint = "comments start with '//'"
        case "{", "}": hint = "cells hold no closures or blocks; call a step with its arguments instead"
        case "+", "*": hint = "cells do no arithmetic; pass the computed value, or add a parameter to the step"
        default: break
        }
        diagnostics.append(.error(at: location(start), "unexpected character '\(character)' in cell", hint: hint))
        return token(.invalid, from: start)
    }

    private func scalarLength(_ lead: UInt8) -> Int {
        switch lead {
        case 0xF0...: return 4
        case 0xE0...: return 3
        case 0xC0...: return 2
        default: return 1
        }
    }

    private func isDigit(_ byte: UInt8) -> Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }

    private func isIdentifierStart(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
            || byte == UInt8(ascii: "_")
    }

    private func isIdentifierByte(_ byte: UInt8) -> Bool { isIdentifierStart(byte) || isDigit(byte) }
}
