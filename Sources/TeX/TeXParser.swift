import Spelling

/// Reads a LaTeX math string into a ``MathNode`` tree, or throws the first ``TeXError``.
///
/// A recursive-descent parser over Unicode scalars. Every recursive path passes through
/// `parseAtom`, which counts nesting, so hostile input cannot exhaust the stack.
struct TeXParser {
    private let scalars: [Unicode.Scalar]
    /// The UTF-8 offset of every scalar, plus the total length at the end.
    private let utf8Offsets: [Int]
    private var position = 0
    private var depth = 0

    init(_ source: String) {
        scalars = Array(source.unicodeScalars)
        var offsets: [Int] = []
        offsets.reserveCapacity(scalars.count + 1)
        var offset = 0
        for scalar in scalars {
            offsets.append(offset)
            offset += UTF8.width(scalar)
        }
        offsets.append(offset)
        utf8Offsets = offsets
    }

    mutating func parse() throws(TeXError) -> MathNode {
        let nodes = try parseRow(insideBrackets: false)
        if let stop = peekStop(insideBrackets: false), stop != .end {
            try failUnexpected(stop)
        }
        return .row(nodes)
    }

    // MARK: - Rows

    /// Where a row ends; the caller decides which of these it expected.
    private enum Stop: Equatable {
        case end, closingBrace, closingBracket, ampersand, rowBreak, endEnvironment, right
    }

    private mutating func peekStop(insideBrackets: Bool) -> Stop? {
        guard position < scalars.count else { return .end }
        switch scalars[position] {
        case "}": return .closingBrace
        case "]" where insideBrackets: return .closingBracket
        case "&": return .ampersand
        case "\\":
            switch controlSequenceName(at: position).name {
            case "\\": return .rowBreak
            case "end": return .endEnvironment
            case "right": return .right
            default: return nil
            }
        default: return nil
        }
    }

    /// Reads atoms until a row-ending token, attaching scripts and primes to the atom before them.
    private mutating func parseRow(insideBrackets: Bool) throws(TeXError) -> [MathNode] {
        var nodes: [MathNode] = []
        while true {
            skipSpacesAndComments()
            if peekStop(insideBrackets: insideBrackets) != nil { return nodes }
            switch scalars[position] {
            case "^", "_": try attachScript(to: &nodes)
            case "'": try attachPrime(to: &nodes)
            default: nodes.append(try parseAtom(asArgument: false))
            }
        }
    }

    /// Throws the error a row-ending token means when the enclosing construct did not expect it.
    private func failUnexpected(_ stop: Stop) throws(TeXError) -> Never {
        let here = position
        switch stop {
        case .end:
            throw error(.unclosedBrace, at: here, "unexpected end of the formula", hint: "close every group that is open")
        case .closingBracket:
            throw error(.unexpectedCharacter("]"), at: here, "unexpected ']'", hint: "remove it")
        case .closingBrace:
            throw error(.unexpectedClosingBrace, at: here, "unexpected '}' without a matching '{'",
                        hint: "remove it or add the '{' it closes; write \\} for a literal brace")
        case .ampersand:
            throw error(.misplacedAlignment("&"), at: here, "'&' outside an environment with columns",
                        hint: "use it inside \\begin{aligned}…\\end{aligned}, cases or a matrix; write \\& for a literal ampersand")
        case .rowBreak:
            throw error(.misplacedAlignment("\\\\"), at: here, "'\\\\' outside an environment with rows",
                        hint: "use it inside \\begin{aligned}…\\end{aligned}, cases or a matrix")
        case .endEnvironment:
            let name = environmentNameAfterEnd(at: here)
            throw error(.mismatchedEnd(expected: nil, found: name), at: here, "\\end{\(name)} without a matching \\begin{\(name)}",
                        hint: "remove it or add \\begin{\(name)} before it")
        case .right:
            throw error(.rightWithoutLeft, at: here, "\\right without a matching \\left",
                        hint: "add \\left before the opening delimiter, or remove \\right")
        }
    }

    // MARK: - Atoms

    private mutating func parseAtom(asArgument: Bool) throws(TeXError) -> MathNode {
        let start = position
        depth += 1
        defer { depth -= 1 }
        guard depth <= TeX.maximumNesting else {
            throw error(.nestingTooDeep, at: start, "the formula nests deeper than \(TeX.maximumNesting) levels",
                        hint: "split it into smaller formulas")
        }
        let scalar = scalars[position]
        switch scalar {
        case "{":
            position += 1
            let nodes = try parseRow(insideBrackets: false)
            switch peekStop(insideBrackets: false) {
            case .closingBrace:
                position += 1
                return .row(nodes)
            case .right:
                try failUnexpected(.right)
            default:
                throw error(.unclosedBrace, at: start, "this '{' is never closed", hint: "add a matching '}'")
            }
        case "\\":
            return try parseCommand()
        case "0"..."9":
            return .number(readNumber(single: asArgument))
        case "~":
            position += 1
            return .space(.word)
        case "$", "#", "^", "_", "&", "}":
            throw unexpected(scalar, at: start)
        default:
            if scalar.value < 0x20 || scalar.value == 0x7F {
                throw error(.unexpectedCharacter(Character(scalar)), at: start,
                            "control character U+\(String(scalar.value, radix: 16, uppercase: true)) in math",
                            hint: "remove it")
            }
            let text = readCharacter()
            if let node = TeXCommandTable.character(scalar) { return node }
            if scalar.isASCII || scalar.properties.isAlphabetic { return .identifier(text) }
            return .operator(text, .ordinary)
        }
    }

    private func unexpected(_ scalar: Unicode.Scalar, at index: Int) -> TeXError {
        let hint: String
        switch scalar {
        case "$": hint = "math ends at the closing '$'; write \\$ for a dollar sign"
        case "#": hint = "macro parameters are not supported; write \\# for a literal '#'"
        case "^", "_": hint = "a script needs a base and one argument, as in x^{2}"
        default: hint = "remove it"
        }
        return error(.unexpectedCharacter(Character(scalar)), at: index, "unexpected '\(scalar)' here", hint: hint)
    }

    /// Reads one character with the combining marks that follow it.
    private mutating func readCharacter() -> String {
        var text = String(scalars[position])
        position += 1
        while position < scalars.count, Self.isMark(scalars[position]) {
            text.unicodeScalars.append(scalars[position])
            position += 1
        }
        return text
    }

    private static func isMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .spacingMark: true
        default: scalar.properties.isVariationSelector
        }
    }

    /// Digits with at most one decimal point between digits; one digit when it is an argument,
    /// as `\frac12` is `\frac{1}{2}` in TeX.
    private mutating func readNumber(single: Bool) -> String {
        var text = String(scalars[position])
        position += 1
        if single { return text }
        var seenPoint = false
        while position < scalars.count {
            let scalar = scalars[position]
            if scalar.properties.numericType == .decimal, scalar.isASCII {
                text.unicodeScalars.append(scalar)
            } else if scalar == ".", !seenPoint, position + 1 < scalars.count, ("0"..."9").contains(scalars[position + 1]) {
                seenPoint = true
                text.unicodeScalars.append(scalar)
            } else {
                break
            }
            position += 1
        }
        return text
    }

    // MARK: - Scripts

    private mutating func attachScript(to nodes: inout [MathNode]) throws(TeXError) {
        let start = position
        let isSubscript = scalars[position] == "_"
        position += 1
        let argument = try parseArgument(of: isSubscript ? "_" : "^", usage: isSubscript ? "x_{i}" : "x^{2}", commandStart: start, number: 1)
        var (base, lower, upper) = splitScripts(nodes.popLast())
        if isSubscript {
            guard lower == nil else { throw doubleScript(at: start) }
            lower = argument
        } else if let existing = upper {
            guard case .row(let primes) = existing, primes.allSatisfy(Self.isPrime) else { throw doubleScript(at: start) }
            upper = .row(primes + [argument])
        } else {
            upper = argument
        }
        nodes.append(.scripts(base: base, subscript: lower, superscript: upper))
    }

    private mutating func attachPrime(to nodes: inout [MathNode]) throws(TeXError) {
        let start = position
        position += 1
        var (base, lower, upper) = splitScripts(nodes.popLast())
        let prime = MathNode.operator("\u{2032}", .ordinary)
        if let existing = upper {
            guard case .row(let primes) = existing, primes.allSatisfy(Self.isPrime) else { throw doubleScript(at: start) }
            upper = .row(primes + [prime])
        } else {
            upper = .row([prime])
        }
        nodes.append(.scripts(base: base, subscript: lower, superscript: upper))
    }

    private func splitScripts(_ node: MathNode?) -> (MathNode, MathNode?, MathNode?) {
        switch node {
        case .scripts(let base, let lower, let upper)?: (base, lower, upper)
        case let node?: (node, nil, nil)
        case nil: (.row([]), nil, nil)
        }
    }

    private static func isPrime(_ node: MathNode) -> Bool { node == .operator("\u{2032}", .ordinary) }

    private func doubleScript(at index: Int) -> TeXError {
        error(.doubleScript, at: index, "a second '\(scalars[index])' on the same base",
              hint: "group the scripts, as in x_{ij} or {x^a}^b")
    }

    // MARK: - Commands

    /// Reads `\name` or `\c` at `index` without consuming it.
    private func controlSequenceName(at index: Int) -> (name: String, end: Int) {
        var end = index + 1
        guard end < scalars.count else { return ("", end) }
        guard Self.isLetter(scalars[end]) else {
            let scalar = scalars[end]
            return (scalar == "\n" || scalar == "\t" || scalar == "\r" ? " " : String(scalar), end + 1)
        }
        var name = ""
        while end < scalars.count, Self.isLetter(scalars[end]) {
            name.unicodeScalars.append(scalars[end])
            end += 1
        }
        return (name, end)
    }

    private static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
    }

    private mutating func parseCommand() throws(TeXError) -> MathNode {
        let start = position
        let (name, end) = controlSequenceName(at: start)
        guard !name.isEmpty else {
            throw error(.trailingBackslash, at: start, "the formula ends with a lone backslash",
                        hint: "remove it, or write \\backslash for the symbol")
        }
        position = end
        guard let command = TeXCommandTable.command(named: name) else {
            throw unknownCommand(name, at: start)
        }
        switch command {
        case .symbol(let node):
            return node
        case .fraction(let style):
            let numerator = try parseArgument(of: "\\" + name, usage: command.usage(name), commandStart: start, number: 1)
            let denominator = try parseArgument(of: "\\" + name, usage: command.usage(name), commandStart: start, number: 2)
            return .fraction(numerator: numerator, denominator: denominator, style: style)
        case .binomial:
            let top = try parseArgument(of: "\\binom", usage: command.usage(name), commandStart: start, number: 1)
            let bottom = try parseArgument(of: "\\binom", usage: command.usage(name), commandStart: start, number: 2)
            return .binomial(top, bottom)
        case .stack(let over):
            let stacked = try parseArgument(of: "\\" + name, usage: command.usage(name), commandStart: start, number: 1)
            let base = try parseArgument(of: "\\" + name, usage: command.usage(name), commandStart: start, number: 2)
            return over ? .stacked(base, over: stacked, under: nil) : .stacked(base, over: nil, under: stacked)
        case .squareRoot:
            skipSpacesAndComments()
            var index: MathNode?
            if position < scalars.count, scalars[position] == "[" {
                let bracket = position
                position += 1
                let nodes = try parseRow(insideBrackets: true)
                guard peekStop(insideBrackets: true) == .closingBracket else {
                    throw error(.unclosedBrace, at: bracket, "the '[' of \\sqrt[…] is never closed", hint: "add a matching ']'")
                }
                position += 1
                index = .row(nodes)
            }
            let radicand = try parseArgument(of: "\\sqrt", usage: command.usage(name), commandStart: start, number: 1)
            return .root(radicand, index: index)
        case .variant(let variant):
            let argument = try parseArgument(of: "\\" + name, usage: command.usage(name), commandStart: start, number: 1)
            return .styled(variant, Self.mergingLetters(argument))
        case .text:
            return .text(try parseTextArgument(of: name, commandStart: start))
        case .operatorName:
            var limits = false
            if position < scalars.count, scalars[position] == "*" {
                limits = true
                position += 1
            }
            return .function(try parseTextArgument(of: name, commandStart: start), limits: limits)
        case .left:
            let open = try parseDelimiter(after: name, commandStart: start)
            let nodes = try parseRow(insideBrackets: false)
            guard peekStop(insideBrackets: false) == .right else {
                throw error(.leftWithoutRight, at: start, "\\left without a matching \\right",
                            hint: "add \\right) (or \\right. for no closing delimiter) in the same group")
            }
            let rightStart = position
            position = controlSequenceName(at: position).end
            let close = try parseDelimiter(after: "right", commandStart: rightStart)
            return .fenced(open: open, .row(nodes), close: close)
        case .right:
            try failUnexpected(.right)
        case .sizedDelimiter(let size, let role):
            let delimiter = try parseDelimiter(after: name, commandStart: start)
            return .sizedDelimiter(delimiter, size: size, role: role ?? TeXCommandTable.role(ofDelimiter: delimiter))
        case .accent(let accent):
            let base = try parseArgument(of: "\\" + name, usage: command.usage(name), commandStart: start, number: 1)
            return .accent(base, accent)
        case .begin:
            return try parseEnvironment(commandStart: start)
        case .end:
            try failUnexpected(.endEnvironment)
        }
    }

    private func unknownCommand(_ name: String, at index: Int) -> TeXError {
        let hint = if let suggestion = SpellingSuggestion.closest(to: name, among: TeXCommandTable.names) {
            "did you mean '\\\(suggestion)'?"
        } else {
            "this converter supports a fixed set of commands (TeX.supportedCommands)"
        }
        return error(.unknownCommand(name), at: index, "unknown command '\\\(name)'", hint: hint)
    }

    /// One argument: a `{…}` group, a single character or a single command.
    private mutating func parseArgument(of command: String, usage: String, commandStart: Int, number: Int) throws(TeXError) -> MathNode {
        skipSpacesAndComments()
        let missing = position >= scalars.count || peekStop(insideBrackets: false) != nil
            || scalars[position] == "^" || scalars[position] == "_"
        guard !missing else {
            let ordinal = number == 1 ? "an argument" : "argument \(number)"
            throw error(.missingArgument(command: command), at: commandStart, "\(command) is missing \(ordinal)",
                        hint: "write it as \(usage)")
        }
        return try parseAtom(asArgument: true)
    }

    /// Pulls runs of single Latin letters together, so `\mathrm{KL}` is one identifier `KL`.
    private static func mergingLetters(_ node: MathNode) -> MathNode {
        guard case .row(let nodes) = node else { return node }
        var merged: [MathNode] = []
        for node in nodes {
            if case .identifier(let next) = node, next.allSatisfy(\.isASCII),
               case .identifier(let previous)? = merged.last, previous.allSatisfy(\.isASCII) {
                merged[merged.count - 1] = .identifier(previous + next)
            } else {
                merged.append(node)
            }
        }
        return .row(merged)
    }

    /// The argument of `\text` or `\operatorname`: characters up to the matching brace, with
    /// the usual escapes; whitespace runs collapse to one space, as TeX does.
    private mutating func parseTextArgument(of command: String, commandStart: Int) throws(TeXError) -> String {
        skipSpacesAndComments()
        guard position < scalars.count, peekStop(insideBrackets: false) == nil else {
            throw error(.missingArgument(command: "\\" + command), at: commandStart, "\\\(command) is missing an argument",
                        hint: "write it as \\\(command){…}")
        }
        guard scalars[position] == "{" else {
            if scalars[position] == "\\" {
                return try parseTextEscape(of: command)
            }
            return readCharacter()
        }
        let open = position
        position += 1
        var text = ""
        var nesting = 0
        while true {
            guard position < scalars.count else {
                throw error(.unclosedBrace, at: open, "this '{' of \\\(command) is never closed", hint: "add a matching '}'")
            }
            let scalar = scalars[position]
            switch scalar {
            case "{":
                nesting += 1
                position += 1
            case "}":
                position += 1
                if nesting == 0 { return text }
                nesting -= 1
            case "\\":
                text += try parseTextEscape(of: command)
            case " ", "\t", "\n", "\r", "~":
                position += 1
                if !text.hasSuffix(" ") { text += " " }
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F { throw unexpected(scalar, at: position) }
                text += readCharacter()
            }
        }
    }

    private mutating func parseTextEscape(of command: String) throws(TeXError) -> String {
        let start = position
        let (name, end) = controlSequenceName(at: start)
        switch name {
        case "{", "}", "_", "%", "&", "$", "#": position = end; return name
        case " ", ",", ";", ":", "quad", "qquad": position = end; return " "
        case "": throw error(.trailingBackslash, at: start, "the formula ends with a lone backslash", hint: "remove it")
        default:
            throw error(.unknownCommand(name), at: start, "command '\\\(name)' inside \\\(command){…}",
                        hint: "only the escapes \\{ \\} \\_ \\% \\& \\$ \\# and spaces work inside \\\(command); put math outside it")
        }
    }

    private mutating func parseDelimiter(after command: String, commandStart: Int) throws(TeXError) -> String {
        skipSpacesAndComments()
        let invalid = error(.invalidDelimiter(command: "\\" + command), at: commandStart,
                            "\\\(command) must be followed by a delimiter",
                            hint: "use one of \(TeXCommandTable.delimiterSpellings)")
        guard position < scalars.count else { throw invalid }
        if scalars[position] == "\\" {
            let (name, end) = controlSequenceName(at: position)
            guard let delimiter = TeXCommandTable.delimiter(named: "\\" + name) else { throw invalid }
            position = end
            return delimiter
        }
        guard let delimiter = TeXCommandTable.delimiter(named: String(scalars[position])) else { throw invalid }
        position += 1
        return delimiter
    }

    // MARK: - Environments

    private mutating func parseEnvironment(commandStart: Int) throws(TeXError) -> MathNode {
        let name = try parseEnvironmentName(of: "begin", commandStart: commandStart)
        guard let kind = TeXCommandTable.environment(named: name) else {
            let hint = if let suggestion = SpellingSuggestion.closest(to: name, among: TeXCommandTable.environmentNames) {
                "did you mean '\(suggestion)'?"
            } else {
                "supported environments: \(TeXCommandTable.environmentNames.joined(separator: ", "))"
            }
            throw error(.unknownEnvironment(name), at: commandStart, "unknown environment '\(name)'", hint: hint)
        }
        var rows: [[MathNode]] = []
        var cells: [MathNode] = []
        while true {
            cells.append(.row(try parseRow(insideBrackets: false)))
            switch peekStop(insideBrackets: false) {
            case .ampersand:
                position += 1
            case .rowBreak:
                position = controlSequenceName(at: position).end
                rows.append(cells)
                cells = []
            case .endEnvironment:
                let endStart = position
                position = controlSequenceName(at: position).end
                let endName = try parseEnvironmentName(of: "end", commandStart: endStart)
                guard endName == name else {
                    throw error(.mismatchedEnd(expected: name, found: endName), at: endStart,
                                "\\end{\(endName)} does not match \\begin{\(name)}", hint: "write \\end{\(name)}")
                }
                // A trailing `\\` before `\end` does not start another row.
                if !(cells == [.row([])] && !rows.isEmpty) { rows.append(cells) }
                return .table(MathTable(kind: kind, rows: rows))
            case .end, nil:
                throw error(.unclosedEnvironment(name), at: commandStart, "\\begin{\(name)} without a matching \\end{\(name)}",
                            hint: "add \\end{\(name)}")
            case let stop?:
                try failUnexpected(stop)
            }
        }
    }

    private mutating func parseEnvironmentName(of command: String, commandStart: Int) throws(TeXError) -> String {
        skipSpacesAndComments()
        let missing = error(.missingArgument(command: "\\" + command), at: commandStart,
                            "\\\(command) is missing the environment name", hint: "write it as \\\(command){cases}")
        guard position < scalars.count, scalars[position] == "{" else { throw missing }
        var end = position + 1
        var name = ""
        while end < scalars.count, Self.isLetter(scalars[end]) || scalars[end] == "*" {
            name.unicodeScalars.append(scalars[end])
            end += 1
        }
        guard end < scalars.count, scalars[end] == "}", !name.isEmpty else { throw missing }
        position = end + 1
        return name
    }

    /// The name in `\end{name}` for messages, or `?` when it is malformed.
    private func environmentNameAfterEnd(at index: Int) -> String {
        var cursor = controlSequenceName(at: index).end
        guard cursor < scalars.count, scalars[cursor] == "{" else { return "?" }
        cursor += 1
        var name = ""
        while cursor < scalars.count, Self.isLetter(scalars[cursor]) || scalars[cursor] == "*" {
            name.unicodeScalars.append(scalars[cursor])
            cursor += 1
        }
        return name.isEmpty ? "?" : name
    }

    // MARK: - Whitespace and locations

    private mutating func skipSpacesAndComments() {
        while position < scalars.count {
            switch scalars[position] {
            case " ", "\t", "\n", "\r":
                position += 1
            case "%":
                while position < scalars.count, scalars[position] != "\n" { position += 1 }
            default:
                return
            }
        }
    }

    private func error(_ kind: TeXError.Kind, at index: Int, _ message: String, hint: String) -> TeXError {
        TeXError(kind: kind, location: location(at: index), message: message, hint: hint)
    }

    private func location(at index: Int) -> TeXLocation {
        let index = min(index, scalars.count)
        var line = 1
        var lineStart = 0
        for cursor in 0..<index where scalars[cursor] == "\n" {
            line += 1
            lineStart = cursor + 1
        }
        var lineText = String.UnicodeScalarView()
        lineText.append(contentsOf: scalars[lineStart..<index])
        return TeXLocation(
            utf8Offset: utf8Offsets[index],
            line: line,
            column: String(lineText).count + 1,
            utf8Column: utf8Offsets[index] - utf8Offsets[lineStart] + 1
        )
    }
}
