import LessonModel

/// A recursive-descent parser for the cell language: `let name = expression` or an expression,
/// one per line (a call's arguments and an array's elements may span lines).
///
///     statement  := 'let' name '=' expression | expression
///     expression := postfix ( operator postfix )*     (comparisons, then '&&', then '||', as in Swift)
///     postfix    := primary ( '.' name | '(' arguments? ')' )*
///     primary    := name | number | '-' number | string | 'true' | 'false' | '[' elements? ']'
///     arguments  := argument (',' argument)* ','?      argument := (name ':')? expression
///
/// Errors are collected and parsing resumes at the next statement, so one cell reports all its
/// mistakes at once.
struct CellParser {
    /// How deeply calls and arrays may nest, so hostile input cannot exhaust the stack.
    static let maximumNesting = 64

    /// Swift keywords that a cell cannot use; they are reported instead of being read as names.
    private static let unsupportedKeywords: Set<String> = [
        "func", "if", "else", "for", "while", "repeat", "return", "import", "struct", "class", "enum",
        "switch", "case", "guard", "defer", "do", "try", "throw", "in", "protocol", "extension",
        "inout", "static", "self", "Self", "nil", "as", "is", "await", "async",
    ]

    private var tokens: [CellToken]
    private var position = 0
    /// How many brackets are open; newlines inside brackets do not end a statement.
    private var bracketDepth = 0
    private var nesting = 0
    private(set) var diagnostics: [Diagnostic]
    /// The names of `let` statements that did not parse: the checker takes them as bound, so
    /// one syntax error does not make every later use of the name an "undefined name".
    private(set) var unparsedBindings: [String] = []

    /// Creates a parser over a cell body whose lines map into the lesson file through `map`.
    init(source: String, map: CellSourceMap) {
        var lexer = CellLexer(source: source, map: map)
        tokens = lexer.tokenize()
        diagnostics = lexer.diagnostics
    }

    /// Parses every statement of the body.
    mutating func parse() -> [Statement] {
        var statements: [Statement] = []
        while true {
            skipNewlines()
            if current.kind == .end { return statements }
            if current.kind == .semicolon {
                report(at: current, "cells do not use ';'", hint: "put each statement on its own line")
                advance()
                continue
            }
            let start = position
            if let statement = parseStatement() {
                statements.append(statement)
                switch current.kind {
                case .newline, .end:
                    break
                case .semicolon:
                    report(at: current, "cells do not use ';'", hint: "put each statement on its own line")
                    advance()
                case .invalid:
                    recover(from: start)
                default:
                    report(at: current, "two statements on one line", hint: "put each statement on its own line")
                    recover(from: start)
                }
            } else {
                if case .identifier(let word) = tokens[start].kind, word == "let" || word == "var",
                   start + 1 < tokens.count, case .identifier(let name) = tokens[start + 1].kind {
                    unparsedBindings.append(name)
                }
                recover(from: start)
            }
        }
    }

    // MARK: Statements

    private mutating func parseStatement() -> Statement? {
        let first = current
        if case .identifier(let word) = first.kind, word == "let" || word == "var" {
            if word == "var" {
                report(at: first, "cells bind values with 'let', not 'var'",
                       hint: "replace 'var' with 'let'; a binding cannot change once a cell has run")
            }
            advance()
            guard case .identifier(let name) = current.kind, !isKeyword(name) else {
                report(at: current, "expected a name after '\(word)'", hint: "write '\(word == "var" ? "let" : word) name = value'")
                return nil
            }
            let identifier = Identifier(name, range: current.range)
            advance()
            if current.kind == .colon {
                report(at: current, "type annotations are not supported in cells",
                       hint: "write 'let \(name) = value'; the type comes from the value")
                return nil
            }
            guard current.kind == .equals else {
                report(at: current, "expected '=' after 'let \(name)'")
                return nil
            }
            advance()
            guard let value = parseExpression() else { return nil }
            return Statement(.binding(name: identifier, value: value), range: SourceRange(start: first.range.start, end: value.range.end))
        }
        guard let expression = parseExpression() else { return nil }
        return Statement(.expression(expression), range: expression.range)
    }

    // MARK: Expressions

    /// Operators by precedence climbing; comparisons do not chain (`a < b < c`), as in Swift.
    private mutating func parseExpression(minimumPrecedence: Int = 1) -> Expression? {
        guard var left = parsePostfixExpression() else { return nil }
        while case .binaryOperator(let op) = current.kind, op.precedence >= minimumPrecedence {
            let opToken = current
            advance()
            guard let right = parseExpression(minimumPrecedence: op.precedence + 1) else { return nil }
            left = Expression(.binary(op, left, right), range: SourceRange(start: left.range.start, end: right.range.end))
            if op.isComparison, case .binaryOperator(let next) = current.kind, next.isComparison {
                report(at: current, "comparisons cannot be chained",
                       hint: "join two comparisons with '&&', as in 'a \(op.rawValue) b && b \(next.rawValue) c'")
                _ = opToken
                return nil
            }
        }
        return left
    }

    private mutating func parsePostfixExpression() -> Expression? {
        nesting += 1
        defer { nesting -= 1 }
        guard nesting <= Self.maximumNesting else {
            report(at: current, "expression is nested more than \(Self.maximumNesting) levels deep",
                   hint: "bind inner values with 'let' on their own lines")
            return nil
        }
        guard var expression = parsePrimary() else { return nil }
        while true {
            switch current.kind {
            case .dot:
                advance()
                guard case .identifier(let name) = current.kind else {
                    report(at: current, "expected a member name after '.'")
                    return nil
                }
                let member = Identifier(name, range: current.range)
                advance()
                expression = Expression(.member(base: expression, name: member), range: SourceRange(start: expression.range.start, end: member.range.end))
            case .leftParenthesis:
                let open = current
                guard let (arguments, close) = parseArguments(openedBy: open) else { return nil }
                expression = Expression(.call(callee: expression, arguments: arguments), range: SourceRange(start: expression.range.start, end: close.range.end))
            default:
                return expression
            }
        }
    }

    private mutating func parsePrimary() -> Expression? {
        let token = current
        switch token.kind {
        case .identifier(let name):
            if name == "true" || name == "false" {
                advance()
                return Expression(.boolean(name == "true"), range: token.range)
            }
            if name == "let" || name == "var" {
                report(at: token, "'\(name)' must start its own line", hint: "put each statement on its own line")
                return nil
            }
            if Self.unsupportedKeywords.contains(name) {
                report(at: token, "'\(name)' is not supported in cells",
                       hint: "a cell holds only 'let' bindings and calls, one per line")
                return nil
            }
            advance()
            return Expression(.identifier(name), range: token.range)
        case .integer, .floatingPoint:
            advance()
            return number(token, negative: false, range: token.range)
        case .minus:
            advance()
            let digits = current
            let isNumber = if case .integer = digits.kind { true } else if case .floatingPoint = digits.kind { true } else { false }
            guard isNumber, digits.range.start == after(token) else {
                report(at: token, "expected a number right after '-'", hint: "cells negate number literals only, like -3 or -0.5")
                return nil
            }
            advance()
            return number(digits, negative: true, range: SourceRange(start: token.range.start, end: digits.range.end))
        case .string(let value):
            advance()
            return Expression(.string(value), range: token.range)
        case .leftBracket:
            return parseArray(openedBy: token)
        case .dot:
            advance()
            guard case .identifier(let name) = current.kind, current.range.start == after(token) else {
                report(at: token, "expected a case name right after '.'", hint: "write an option as .name, like .squaredError")
                return nil
            }
            // `.nan` is how Swift spells NaN, so it is what a lesson trying to pass one writes.
            if ["nan", "signalingNaN", "infinity"].contains(name) {
                report(at: token, "implicit member '.\(name)' is not supported in cells",
                       hint: "numbers in cells are finite literals, like 0.001 or 1e-3; NaN and infinity cannot be written")
                return nil
            }
            let member = Identifier(name, range: current.range)
            advance()
            return Expression(.implicitMember(member), range: SourceRange(start: token.range.start, end: member.range.end))
        case .invalid:
            return nil
        case .leftParenthesis:
            report(at: token, "parentheses are only used for calls", hint: "remove them, or bind the value with 'let' first")
            return nil
        default:
            report(at: token, "expected an expression, found \(token.quoted)")
            return nil
        }
    }

    private mutating func number(_ token: CellToken, negative: Bool, range: SourceRange) -> Expression? {
        let sign = negative ? "-" : ""
        switch token.kind {
        case .integer(let text):
            guard let value = Int(sign + text.filter { $0 != "_" }) else {
                report(at: token, "integer literal '\(sign)\(text)' does not fit in Int",
                       hint: "integers range from \(Int.min) to \(Int.max)")
                return nil
            }
            return Expression(.integer(value), range: range)
        case .floatingPoint(let text):
            guard let value = Double(sign + text.filter { $0 != "_" }), value.isFinite else {
                report(at: token, "floating-point literal '\(sign)\(text)' is out of range",
                       hint: "a Double holds at most about 1.8e308; NaN and infinity cannot be written in a cell")
                return nil
            }
            return Expression(.floatingPoint(value), range: range)
        default:
            return nil
        }
    }

    private mutating func parseArray(openedBy open: CellToken) -> Expression? {
        guard let (elements, close) = parseList(openedBy: open, closer: .rightBracket, construct: "array", element: { parser in
            parser.parseExpression()
        }) else { return nil }
        return Expression(.array(elements), range: SourceRange(start: open.range.start, end: close.range.end))
    }

    private mutating func parseArguments(openedBy open: CellToken) -> ([CallArgument], CellToken)? {
        parseList(openedBy: open, closer: .rightParenthesis, construct: "call", element: { parser in
            var label: Identifier?
            if case .identifier(let name) = parser.current.kind, parser.peek(1).kind == .colon {
                label = Identifier(name, range: parser.current.range)
                parser.advance()
                parser.advance()
            }
            return parser.parseExpression().map { CallArgument(label: label, value: $0) }
        }, missingComma: { parser in
            // `f(a: 1 b: 2)`: a label where a comma belongs.
            guard case .identifier = parser.current.kind, parser.peek(1).kind == .colon else { return false }
            parser.report(at: parser.current, "expected ',' between arguments", hint: "add ',' before '\(parser.current.quoted.dropFirst().dropLast())'")
            return true
        })
    }

    /// The comma-separated elements after `open` up to `closer`, and the closing token; nil
    /// (reported) when an element fails or the list is never closed. `missingComma` may report
    /// a more precise error where neither a comma nor the closer follows an element.
    private mutating func parseList<Element>(
        openedBy open: CellToken, closer: CellToken.Kind, construct: String,
        element: (inout CellParser) -> Element?, missingComma: (inout CellParser) -> Bool = { _ in false }
    ) -> ([Element], CellToken)? {
        advance()
        bracketDepth += 1
        defer { bracketDepth -= 1 }
        let closing = closer == .rightBracket ? "]" : ")"
        var elements: [Element] = []
        while current.kind != closer {
            if isRunOn {
                reportMissingClose(closing, construct, openedBy: open)
                return nil
            }
            guard let value = element(&self) else { return nil }
            elements.append(value)
            if current.kind == .comma {
                advance()
            } else if current.kind != closer {
                if !missingComma(&self) { reportMissingClose(closing, construct, openedBy: open) }
                return nil
            }
        }
        let close = current
        advance()
        return (elements, close)
    }

    /// Whether the current token cannot continue an open call or array: the end of the cell, or
    /// a `let` at the start of a line (the author most likely forgot the closing bracket).
    private var isRunOn: Bool {
        mutating get {
            let token = current
            if token.kind == .end { return true }
            return position > 0 && tokens[position - 1].kind == .newline && startsStatement(token)
        }
    }

    /// Reports a missing `)` or `]`, at the end of the previous line when the statement ran on.
    private mutating func reportMissingClose(_ bracket: String, _ construct: String, openedBy open: CellToken) {
        guard current.kind != .invalid else { return }
        let previous = tokens[previousSignificant(before: position)]
        let location = previous.range.end.line < current.range.start.line || current.kind == .end
            ? after(previous) : current.range.start
        diagnostics.append(.error(
            at: location, "expected '\(bracket)' to close the \(construct) started at \(open.range.start.lineAndColumn)"))
    }

    // MARK: Tokens

    /// The current token; inside brackets, newlines are skipped.
    private var current: CellToken {
        mutating get {
            if bracketDepth > 0 {
                while tokens[position].kind == .newline { position += 1 }
            }
            return tokens[position]
        }
    }

    private mutating func peek(_ offset: Int) -> CellToken {
        _ = current
        var index = position
        var remaining = offset
        while remaining > 0, index < tokens.count - 1 {
            index += 1
            if bracketDepth > 0 && tokens[index].kind == .newline { continue }
            remaining -= 1
        }
        return tokens[index]
    }

    private mutating func advance() {
        _ = current
        if position < tokens.count - 1 { position += 1 }
    }

    private mutating func skipNewlines() {
        while tokens[position].kind == .newline { position += 1 }
    }

    private func previousSignificant(before index: Int) -> Int {
        var index = max(0, index - 1)
        while index > 0, tokens[index].kind == .newline { index -= 1 }
        return index
    }

    /// The location just after a token.
    private func after(_ token: CellToken) -> SourceLocation {
        var location = token.range.end
        location.column += 1
        return location
    }

    private func isKeyword(_ name: String) -> Bool {
        ["let", "var", "true", "false"].contains(name) || Self.unsupportedKeywords.contains(name)
    }

    private mutating func report(at token: CellToken, _ message: String, hint: String? = nil) {
        diagnostics.append(.error(at: token.range.start, message, hint: hint))
    }

    /// Skips the rest of a failed statement: to the end of its line, and on past continuation
    /// lines while brackets opened in it are still unclosed, stopping early at any line that
    /// starts with `let` (an unclosed call usually means the author forgot the `)`).
    private mutating func recover(from start: Int) {
        bracketDepth = 0
        nesting = 0
        var balance = 0
        var index = start
        while index < position {
            balance += bracketChange(tokens[index].kind)
            index += 1
        }
        while true {
            let kind = tokens[position].kind
            if kind == .end { return }
            if position > start, tokens[position - 1].kind == .newline, startsStatement(tokens[position]) { return }
            if kind == .newline {
                position += 1
                if balance <= 0 || startsStatement(tokens[position]) { return }
                continue
            }
            balance += bracketChange(kind)
            position += 1
        }
    }

    private func startsStatement(_ token: CellToken) -> Bool {
        if case .identifier(let word) = token.kind { return word == "let" || word == "var" }
        return false
    }

    private func bracketChange(_ kind: CellToken.Kind) -> Int {
        switch kind {
        case .leftParenthesis, .leftBracket: return 1
        case .rightParenthesis, .rightBracket: return -1
        default: return 0
        }
    }
}
