/// A declaration in a `Steps/` file that the catalog cannot be generated from, located in the
/// file so the build shows it like a compiler error.
public struct StepDeclarationError: Error, Equatable, CustomStringConvertible {
    public var line: Int
    public var column: Int
    public var message: String

    init(line: Int, column: Int, _ message: String) {
        self.line = line
        self.column = column
        self.message = message
    }

    init(at token: SwiftToken, _ message: String) {
        self.init(line: token.line, column: token.column, message)
    }

    public var description: String { "\(line):\(column): error: \(message)" }
}
