import LessonModel

/// A token of the cell language.
struct CellToken {
    enum Kind: Equatable {
        case identifier(String)
        case integer(String)
        case floatingPoint(String)
        case string(String)
        case leftParenthesis, rightParenthesis, leftBracket, rightBracket
        case comma, colon, dot, equals, minus, semicolon
        /// `==`, `!=`, `<`, `<=`, `>`, `>=`, `&&` or `||`.
        case binaryOperator(BinaryOperator)
        case newline
        case end
        /// Something the lexer has already reported as an error.
        case invalid
    }

    var kind: Kind
    /// Where the token is, first byte to last byte inclusive.
    var range: SourceRange

    /// How the token reads in a message, such as `')'` or `identifier 'data'`.
    var quoted: String {
        switch kind {
        case .identifier(let name): return "'\(name)'"
        case .integer(let text), .floatingPoint(let text): return "'\(text)'"
        case .string: return "a string"
        case .leftParenthesis: return "'('"
        case .rightParenthesis: return "')'"
        case .leftBracket: return "'['"
        case .rightBracket: return "']'"
        case .comma: return "','"
        case .colon: return "':'"
        case .dot: return "'.'"
        case .equals: return "'='"
        case .binaryOperator(let op): return "'\(op.rawValue)'"
        case .minus: return "'-'"
        case .semicolon: return "';'"
        case .newline: return "the end of the line"
        case .end: return "the end of the cell"
        case .invalid: return "an invalid token"
        }
    }
}
