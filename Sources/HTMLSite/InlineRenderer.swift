import LessonModel
import MarkupEscaping
import TeX

/// Writes the inline content of paragraphs and headings as HTML.
///
/// Text is escaped; math (parsed with the lesson) becomes MathML; raw inline HTML is shown as
/// text, because the lesson format has no way to opt in to trusting it. Images that cannot come
/// with the site are collected in ``diagnostics`` rather than stopping at the first, and the
/// images to copy into the site in ``assets``.
struct InlineRenderer {
    let links: LinkResolver
    /// The inline values' texts as the run computed them, by expression.
    let values: [String: String]
    private(set) var diagnostics: [Diagnostic] = []
    /// Files the inlines refer to, keyed by their path in the site.
    private(set) var assets: [String: SiteFile] = [:]

    init(links: LinkResolver, values: [String: String]) {
        self.links = links
        self.values = values
    }

    /// The HTML for `inlines`, which lie in the block spanning `range`. With `allowsLinks` false
    /// (inside a link of the table of contents) links become their content only.
    mutating func render(_ inlines: [Inline], in range: SourceRange, allowsLinks: Bool = true) -> String {
        var html = ""
        for inline in inlines {
            switch inline {
            case .text(let text):
                html += MarkupEscaping.text(text)
            case .emphasis(let children):
                html += "<em>\(render(children, in: range, allowsLinks: allowsLinks))</em>"
            case .strong(let children):
                html += "<strong>\(render(children, in: range, allowsLinks: allowsLinks))</strong>"
            case .code(let code):
                html += "<code>\(MarkupEscaping.text(code))</code>"
            case .link(let destination, let title, let children):
                let content = render(children, in: range, allowsLinks: false)
                guard allowsLinks, let href = links.href(for: destination) else {
                    html += content
                    continue
                }
                let titleAttribute = title.map { " title=\"\(MarkupEscaping.attribute($0))\"" } ?? ""
                html += "<a href=\"\(MarkupEscaping.attribute(href))\"\(titleAttribute)>\(content)</a>"
            case .image(let source, let title, let alt):
                html += image(source: source, title: title, alt: Inline.plainText(of: alt), at: range.start)
            case .math(let formula, let display):
                html += TeX.mathML(for: formula.node, latex: formula.latex, display: display)
            case .softBreak:
                html += "\n"
            case .lineBreak:
                html += "<br>\n"
            case .value(let value):
                html += "<span class=\"value\">\(MarkupEscaping.text(values[value.expression] ?? InlineValue.placeholder))</span>"
            case .html(let raw):
                html += "<code class=\"raw-html\">\(MarkupEscaping.text(raw))</code>"
            }
        }
        return html
    }

    /// A displayed formula, `$$…$$` on its own.
    func displayMath(_ formula: MathFormula) -> String {
        TeX.mathML(for: formula.node, latex: formula.latex, display: true)
    }

    private mutating func image(source: String, title: String?, alt: String, at location: SourceLocation) -> String {
        switch links.image(source, at: location) {
        case .success(let file):
            assets[file.path] = file
            let titleAttribute = title.map { " title=\"\(MarkupEscaping.attribute($0))\"" } ?? ""
            return "<img src=\"\(MarkupEscaping.attribute(LinkResolver.encoded(file.path)))\" alt=\"\(MarkupEscaping.attribute(alt))\"\(titleAttribute)>"
        case .failure(let diagnostic):
            diagnostics.append(diagnostic)
            return MarkupEscaping.text(alt)
        }
    }
}
