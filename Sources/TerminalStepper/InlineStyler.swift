import LessonModel
import TeX

/// Turns inline Markdown into styled text: emphasis in italics, strong in bold, code and math
/// in their own colors, links underlined with their destination attached.
struct InlineStyler {
    let capabilities: TerminalCapabilities
    /// The inline values' texts as far as the cells run so far computed them, by expression.
    var values: [String: String] = [:]

    static let codeColor = TerminalColor.rgb(0xE5, 0xA5, 0x6B)
    static let mathColor = TerminalColor.rgb(0xB4, 0x9C, 0xF0)
    static let linkColor = TerminalColor.rgb(0x6C, 0xB6, 0xFF)

    func styled(_ inlines: [Inline], base: TextStyle = .plain) -> StyledText {
        var text = StyledText()
        append(inlines, style: base, to: &text)
        return text
    }

    private func append(_ inlines: [Inline], style: TextStyle, to text: inout StyledText) {
        for inline in inlines {
            switch inline {
            case .text(let string):
                text.append(string, style: style)
            case .emphasis(let children):
                var inner = style
                inner.italic = true
                append(children, style: inner, to: &text, marker: "_")
            case .strong(let children):
                var inner = style
                inner.bold = true
                append(children, style: inner, to: &text, marker: "**")
            case .code(let code):
                var inner = style
                inner.foreground = Self.codeColor
                // Without color, code would look like prose; keep its backticks.
                let quote = capabilities.colors == .none ? "`" : ""
                text.append(quote + code + quote, style: inner)
            case .link(let destination, _, let children):
                var inner = style
                inner.underline = true
                inner.foreground = Self.linkColor
                inner.link = destination
                append(children, style: inner, to: &text)
            case .image(let source, _, let alt):
                var inner = style
                inner.dim = true
                text.append("[image: \(Inline.plainText(of: alt).isEmpty ? source : Inline.plainText(of: alt))]", style: inner)
            case .math(let formula, _):
                var inner = style
                inner.foreground = Self.mathColor
                // One unit for the wrapper: a formula breaks only when it alone is wider than a line.
                text.append(String(Self.math(formula).map { $0 == " " ? TextWrapper.noBreakSpace : $0 }), style: inner)
            case .value(let value):
                var inner = style
                inner.bold = true
                text.append(values[value.expression] ?? InlineValue.placeholder, style: inner)
            case .softBreak:
                text.append(" ", style: style)
            case .lineBreak:
                text.append("\n", style: style)
            case .html:
                // A terminal cannot show markup; its text, if any, comes as separate inlines.
                break
            }
        }
    }

    /// Emphasis keeps its Markdown markers where the terminal cannot style text.
    private func append(_ inlines: [Inline], style: TextStyle, to text: inout StyledText, marker: String) {
        let shown = capabilities.styles ? "" : marker
        text.append(shown, style: style)
        append(inlines, style: style, to: &text)
        text.append(shown, style: style)
    }

    /// A formula as readable Unicode.
    static func math(_ formula: MathFormula) -> String {
        TeX.unicode(for: formula.node)
    }
}
