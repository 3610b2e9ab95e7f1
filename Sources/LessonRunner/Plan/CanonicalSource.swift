import LessonModel

/// A cell's statements printed in one canonical form, so that whitespace, comments, line breaks
/// inside calls and the spelling of literals (`20_000` or `20000`) never change a cache key.
enum CanonicalSource {
    /// One line per statement.
    static func text(of statements: [Statement]) -> String {
        statements.map(text(of:)).joined(separator: "\n")
    }

    static func text(of statement: Statement) -> String {
        switch statement.kind {
        case .binding(let name, let value): "let \(name.name) = \(text(of: value))"
        case .expression(let expression): text(of: expression)
        }
    }

    static func text(of expression: Expression) -> String {
        switch expression.kind {
        case .identifier(let name): name
        case .integer(let value): String(value)
        // Swift prints the shortest text that reads back as the same Double.
        case .floatingPoint(let value): String(value)
        case .string(let value): quoted(value)
        case .boolean(let value): String(value)
        case .array(let elements): "[" + elements.map(text(of:)).joined(separator: ", ") + "]"
        case .member(let base, let name): text(of: base) + "." + name.name
        case .implicitMember(let name): "." + name.name
        // Operands in parentheses: the text says which operator binds tighter without relying on precedence.
        case .binary(let op, let left, let right): "(" + text(of: left) + " " + op.rawValue + " " + text(of: right) + ")"
        case .call(let callee, let arguments):
            text(of: callee) + "(" + arguments.map { argument in
                (argument.label.map { $0.name + ": " } ?? "") + text(of: argument.value)
            }.joined(separator: ", ") + ")"
        }
    }

    private static func quoted(_ string: String) -> String {
        var result = "\""
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            case "\r": result += "\\r"
            default:
                if scalar.value < 0x20 { result += "\\u{\(String(scalar.value, radix: 16))}" } else { result.unicodeScalars.append(scalar) }
            }
        }
        return result + "\""
    }
}
