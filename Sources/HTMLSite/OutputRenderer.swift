import Figures
import Foundation
import MarkupEscaping
import Outputs

/// Writes what a cell showed: text as preformatted text, tables as tables, metrics as a
/// definition list, and figures as numbered `<figure>` elements pointing at their files.
enum OutputRenderer {
    /// The HTML for one output; `figure` is the planned figure when the item is one.
    static func render(_ item: DisplayItem, figure: Figure?) -> String {
        switch item {
        case .text(let text):
            return "<pre class=\"output-text\">\(MarkupEscaping.text(text))</pre>\n"
        case .table(let table):
            return render(table)
        case .metrics(let metrics):
            return render(metrics)
        case .imageGrid, .chart:
            guard let figure else { return "" }
            return render(figure)
        case .latentExplorer:
            guard let figure, let explorer = figure.explorer else { return "" }
            return ExplorerRenderer.html(explorer, figure: figure, caption: caption(of: figure))
        }
    }

    private static func render(_ table: Table) -> String {
        var html = "<div class=\"table-scroll\"><table class=\"output-table\">\n<thead><tr>"
        for (column, title) in table.header.enumerated() {
            html += "<th scope=\"col\"\(numericClass(column: column, of: table))>\(MarkupEscaping.text(title))</th>"
        }
        html += "</tr></thead>\n<tbody>\n"
        for row in table.rows {
            html += "<tr>"
            for (column, cell) in row.enumerated() {
                html += "<td\(numericClass(column: column, of: table))>\(MarkupEscaping.text(cell))</td>"
            }
            html += "</tr>\n"
        }
        return html + "</tbody>\n</table></div>\n"
    }

    /// Columns whose cells are all numbers are aligned right, so digits line up.
    private static func numericClass(column: Int, of table: Table) -> String {
        let isNumeric = !table.rows.isEmpty && table.rows.allSatisfy { isNumber($0[column]) }
        return isNumeric ? " class=\"num\"" : ""
    }

    private static func isNumber(_ text: String) -> Bool {
        var trimmed = text.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "_", with: "")
        if trimmed.hasSuffix("%") { trimmed.removeLast() }
        return Double(trimmed) != nil
    }

    private static func render(_ metrics: [Metric]) -> String {
        var html = "<dl class=\"metrics\">\n"
        for metric in metrics {
            html += "<div><dt>\(MarkupEscaping.text(metric.name))</dt><dd>\(MarkupEscaping.text(metric.formattedValue))</dd></div>\n"
        }
        return html + "</dl>\n"
    }

    /// A figure's caption: its number, its text and what its labels say.
    private static func caption(of figure: Figure) -> String {
        var caption = "<span class=\"figure-number\">Figure \(figure.number)\(figure.caption.isEmpty ? "" : ":")</span>"
        if !figure.caption.isEmpty { caption += " " + MarkupEscaping.text(figure.caption) }
        if let labelSentence = figure.labelSentence {
            caption += " <span class=\"figure-labels\">\(MarkupEscaping.text(labelSentence))</span>"
        }
        return caption
    }

    private static func render(_ figure: Figure) -> String {
        let source = MarkupEscaping.attribute(LinkResolver.encoded(figure.path))
        let imageClass = figure.isPixelArt ? " class=\"pixelated\"" : ""
        let caption = caption(of: figure)
        return """
        <figure class="figure" id="\(figure.anchor)">
        <a class="figure-image" href="\(source)"><img src="\(source)" alt="\(MarkupEscaping.attribute(figure.altText))" \
        width="\(figure.width)" height="\(figure.height)"\(imageClass)></a>
        <figcaption>\(caption)</figcaption>
        </figure>

        """
    }
}
