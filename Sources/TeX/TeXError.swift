/// A LaTeX math string the converter cannot turn into math, located like a compiler error.
///
/// The location is relative to the LaTeX string itself; a caller that knows where the string
/// sits in a file adds its own offsets to report `file:line:col`.
public struct TeXError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What went wrong, with the names needed to explain it.
    public enum Kind: Equatable, Sendable {
        /// A command the converter does not know, such as `\foo`.
        case unknownCommand(String)
        /// An environment the converter does not know, such as `\begin{foo}`.
        case unknownEnvironment(String)
        /// A `{` whose `}` never comes.
        case unclosedBrace
        /// A `}` without a `{` before it.
        case unexpectedClosingBrace
        /// A command that needs more arguments than the formula gives it.
        case missingArgument(command: String)
        /// A `\left` whose `\right` never comes.
        case leftWithoutRight
        /// A `\right` without a `\left` before it.
        case rightWithoutLeft
        /// A `\left`, `\right` or `\big` followed by something that is not a delimiter.
        case invalidDelimiter(command: String)
        /// A `\begin{…}` whose `\end{…}` never comes.
        case unclosedEnvironment(String)
        /// An `\end{…}` that does not match the open `\begin{…}`, or has none.
        case mismatchedEnd(expected: String?, found: String)
        /// A second subscript or superscript on the same base, as in `x_1_2`.
        case doubleScript
        /// A `&` or `\\` outside an environment that has columns and rows.
        case misplacedAlignment(String)
        /// A character that has no meaning in math mode, such as `$` or `#`.
        case unexpectedCharacter(Character)
        /// A backslash at the very end of the formula.
        case trailingBackslash
        /// Groups nested deeper than ``TeX/maximumNesting``.
        case nestingTooDeep
    }

    public var kind: Kind
    /// Where the problem starts: byte offset, line and column within the LaTeX string.
    public var location: TeXLocation
    /// One sentence saying what is wrong.
    public var message: String
    /// One sentence saying how to fix it.
    public var hint: String

    /// `line:column: error: message (hint)`, relative to the LaTeX string.
    public var description: String {
        "\(location.line):\(location.column): error: \(message); \(hint)"
    }
}

/// A position inside a LaTeX string. Lines and columns start at 1.
public struct TeXLocation: Equatable, Sendable {
    /// Bytes of UTF-8 before the position.
    public var utf8Offset: Int
    /// The line, counting `\n` line breaks.
    public var line: Int
    /// The column in characters (extended grapheme clusters) from the start of the line.
    public var column: Int
    /// The column in UTF-8 bytes from the start of the line, as cmark counts columns.
    public var utf8Column: Int
}
