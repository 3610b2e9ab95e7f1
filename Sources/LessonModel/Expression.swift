/// An expression of the cell language, located in the lesson file.
///
/// Calls cover both steps and methods: `trainVAE(on: data)` is a call whose callee is the
/// identifier `trainVAE`, and `vae.sample(count: 16)` is a call whose callee is the member
/// access `vae.sample`.
public struct Expression: Sendable, Equatable, Codable {
    /// The form of an expression.
    public indirect enum Kind: Sendable, Equatable, Codable {
        /// A name bound by `let` or registered as a step, such as `data`.
        case identifier(String)
        /// An integer literal such as `20_000` or `-3`.
        case integer(Int)
        /// A floating-point literal such as `0.5`, `1e-3` or `-2.5E+4`.
        case floatingPoint(Double)
        /// A string literal with its escapes resolved.
        case string(String)
        /// `true` or `false`.
        case boolean(Bool)
        /// An array literal such as `[1, 2, 3]`.
        case array([Expression])
        /// Member access such as `data.test`.
        case member(base: Expression, name: Identifier)
        /// A case of the type the context expects, such as `.squaredError`.
        case implicitMember(Identifier)
        /// A call such as `trainVAE(on: data, epochs: 5)` or `vae.sample(count: 16)`.
        case call(callee: Expression, arguments: [CallArgument])
        /// Two values joined by an operator, such as `fd < 200` or `a > 1 && b > 1`.
        case binary(BinaryOperator, Expression, Expression)
    }

    /// The form of the expression.
    public var kind: Kind
    /// The expression's span in the lesson file.
    public var range: SourceRange

    /// Creates an expression.
    public init(_ kind: Kind, range: SourceRange) {
        self.kind = kind
        self.range = range
    }
}
