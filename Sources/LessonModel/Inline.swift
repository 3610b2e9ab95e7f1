import TeX

/// Inline content of a paragraph or heading.
public indirect enum Inline: Sendable, Equatable, Codable {
    /// Plain text (escapes and entities already resolved).
    case text(String)
    /// Emphasized content (`*…*`).
    case emphasis([Inline])
    /// Strongly emphasized content (`**…**`).
    case strong([Inline])
    /// Inline code (`` `…` ``).
    case code(String)
    /// A link with its destination, optional title and content.
    case link(destination: String, title: String?, children: [Inline])
    /// An image with its source, optional title and alternative text.
    case image(source: String, title: String?, alt: [Inline])
    /// Math as the source writes it (`$…$`, or `$$…$$` inside running text when `display` is
    /// true), parsed.
    case math(MathFormula, display: Bool)
    /// A line break inside a paragraph that renders as a space.
    case softBreak
    /// A hard line break (two trailing spaces or a backslash).
    case lineBreak
    /// Raw inline HTML, kept verbatim; renderers decide whether it is safe to emit.
    case html(String)
    /// A value a cell bound (`` `{swift} name` ``), shown as the run computed it.
    case value(InlineValue)

    /// The text a reader would see, without markup (math as its LaTeX), for anchors and alt text.
    public static func plainText(of inlines: [Inline]) -> String {
        inlines.map { inline in
            switch inline {
            case .text(let text), .code(let text): return text
            case .math(let formula, _): return formula.latex
            case .emphasis(let children), .strong(let children), .link(_, _, let children), .image(_, _, let children):
                return plainText(of: children)
            case .softBreak, .lineBreak: return " "
            case .html: return ""
            case .value(let value): return value.expression
            }
        }.joined()
    }
}
