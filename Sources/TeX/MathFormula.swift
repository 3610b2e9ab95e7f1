/// A formula as a lesson writes it (`\mu_j^2`, without its dollars), parsed once, when the
/// lesson is: the renderers draw ``node`` and never meet LaTeX they cannot convert.
public struct MathFormula: Sendable, Equatable, Codable, CustomStringConvertible {
    /// The LaTeX as written.
    public let latex: String
    /// The parsed formula.
    public let node: MathNode

    /// Parses `latex`; throws the parser's located error when it is not in the supported subset.
    public init(latex: String) throws(TeXError) {
        self.latex = latex
        self.node = try TeX.parse(latex)
    }

    /// Formulas are equal when they were written the same.
    public static func == (lhs: MathFormula, rhs: MathFormula) -> Bool { lhs.latex == rhs.latex }

    public var description: String { latex }

    /// A formula is stored as its LaTeX, and parsed again when read back.
    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(latex)
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        let latex = try container.decode(String.self)
        do {
            try self.init(latex: latex)
        } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "math that does not parse: \(error)")
        }
    }
}
