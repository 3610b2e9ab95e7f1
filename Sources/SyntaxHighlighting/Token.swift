/// A piece of Swift source with the role it plays, for coloring.
///
/// Concatenating the `text` of every token from ``SwiftLexer/tokenize(_:)`` gives back the
/// source exactly, whitespace and all.
public struct Token: Equatable, Sendable {
    public var kind: TokenKind
    public var text: String

    public init(_ kind: TokenKind, _ text: String) {
        self.kind = kind
        self.text = text
    }
}

/// The roles a highlighter colors. Each has a CSS class (``cssClass``) for the HTML renderer.
public enum TokenKind: String, CaseIterable, Equatable, Sendable {
    /// A reserved word: `let`, `func`, `return`, `true`, and directives such as `#if`.
    case keyword
    /// A capitalised identifier, taken to be a type name: `Tensor`, `Int`.
    case type
    /// A name being called or declared as a function: `trainVAE` in `trainVAE(…)`.
    case function
    /// An argument label in a call or declaration: `epochs` in `epochs: 5`.
    case argumentLabel
    /// A string literal, including its quotes; interpolations are separate tokens.
    case string
    /// The `\(` and `)` that open and close an interpolation inside a string.
    case interpolation
    /// A number literal: `20_000`, `0x1F`, `1e-3`.
    case number
    /// A `//` or `/* */` comment.
    case comment
    /// A `///` or `/** */` documentation comment.
    case docComment
    /// An attribute such as `@main` or `@MainActor`.
    case attribute
    /// An operator: `+`, `->`, `..<`, `=`.
    case `operator`
    /// Brackets, commas, colons, semicolons and the member dot.
    case punctuation
    /// Everything else: whitespace, other identifiers.
    case plain

    /// The CSS class the HTML renderer puts on tokens of this kind; `nil` for plain text,
    /// which is written without a span.
    public var cssClass: String? {
        switch self {
        case .keyword: "hl-kw"
        case .type: "hl-type"
        case .function: "hl-fn"
        case .argumentLabel: "hl-label"
        case .string: "hl-str"
        case .interpolation: "hl-interp"
        case .number: "hl-num"
        case .comment: "hl-com"
        case .docComment: "hl-doc"
        case .attribute: "hl-attr"
        case .operator: "hl-op"
        case .punctuation: "hl-punct"
        case .plain: nil
        }
    }
}
