import Foundation
import MarkupEscaping
import Outputs

/// The small formatting rules every SVG the module writes follows.
enum SVGText {
    /// Escapes text for XML character data and attribute values alike.
    static func escaped(_ text: String) -> String {
        MarkupEscaping.attribute(text)
    }

    /// A coordinate rounded to one decimal, without a trailing `.0`: compact and exact enough
    /// for screens, and identical on every run.
    static func number(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        let tenths = Int((value * 10).rounded())
        let sign = tenths < 0 ? "-" : ""
        let magnitude = abs(tenths)
        return magnitude % 10 == 0 ? "\(sign)\(magnitude / 10)" : "\(sign)\(magnitude / 10).\(magnitude % 10)"
    }

    /// The approximate width of `text` in the charts' 12 px sans-serif font.
    static func width(_ text: String, fontSize: Double = 12) -> Double {
        Double(text.count) * fontSize * 0.6
    }

    /// The style sheet every chart embeds: theme colors for text, axes and grid lines, with a
    /// dark variant, so a chart reads well on light and dark pages alike.
    ///
    /// Colors hang on classes only (every text has `fg` or `muted`), so each dark rule
    /// overrides its light one by order alone. Renderers without media queries (librsvg) show
    /// the light theme.
    static let styleSheet = """
    <style>
    text{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;font-size:12px}
    .title{font-size:15px;font-weight:600}
    .fg{fill:#222}
    .muted{fill:#555}
    .axis{stroke:#555;stroke-width:1;fill:none}
    .grid{stroke:#000;stroke-opacity:.1;stroke-width:1}
    @media (prefers-color-scheme:dark){.fg{fill:#e4e4e4}.muted{fill:#bbb}.axis{stroke:#aaa}.grid{stroke:#fff;stroke-opacity:.14}}
    </style>
    """

    /// A complete SVG document of the given size around `body`, with the accessibility title.
    static func document(width: Int, height: Int, title: String, description: String, body: String) -> String {
        let label = escaped(description.isEmpty ? title : description)
        return """
        <svg xmlns="http://www.w3.org/2000/svg" width="\(width)" height="\(height)" viewBox="0 0 \(width) \(height)" \
        role="img" aria-label="\(label)">
        <title>\(escaped(title))</title>
        \(styleSheet)
        \(body)</svg>

        """
    }

    /// A `<text>` element.
    static func text(_ content: String, x: Double, y: Double, anchor: String = "start", className: String = "fg",
                     extra: String = "") -> String {
        let classAttribute = " class=\"\(className)\""
        let anchorAttribute = anchor == "start" ? "" : " text-anchor=\"\(anchor)\""
        return "<text x=\"\(number(x))\" y=\"\(number(y))\"\(anchorAttribute)\(classAttribute)\(extra)>\(escaped(content))</text>\n"
    }
}
