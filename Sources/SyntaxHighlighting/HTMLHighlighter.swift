import MarkupEscaping
import Outputs

/// Writes highlighted Swift as HTML spans for a `<pre><code>` block.
///
/// Each colored token becomes `<span class="hl-…">…</span>` with the class from
/// ``TokenKind/cssClass``; plain text is written bare. All text is escaped. The classes:
///
/// | class | kind |
/// |---|---|
/// | `hl-kw` | keywords and `#` directives |
/// | `hl-type` | type names |
/// | `hl-fn` | called or declared functions |
/// | `hl-label` | argument labels |
/// | `hl-str` | string literals |
/// | `hl-interp` | the `\(` and `)` of interpolations |
/// | `hl-num` | numbers |
/// | `hl-com` | comments |
/// | `hl-doc` | documentation comments |
/// | `hl-attr` | attributes such as `@main` |
/// | `hl-op` | operators |
/// | `hl-punct` | punctuation |
public enum HTMLHighlighter {
    /// Highlights Swift source as HTML (without the enclosing `<pre><code>`).
    public static func highlight(_ source: String) -> String {
        render(SwiftLexer.tokenize(source))
    }

    public static func render(_ tokens: [Token]) -> String {
        var html = ""
        for token in tokens {
            if let cssClass = token.kind.cssClass {
                html += "<span class=\"\(cssClass)\">\(MarkupEscaping.text(token.text))</span>"
            } else {
                html += MarkupEscaping.text(token.text)
            }
        }
        return html
    }

    /// CSS for the classes, scoped under `scope` (default `.hl`, to put on the `<pre>`):
    /// the light theme by default and the dark one under `darkMediaQuery` (the reader's
    /// `prefers-color-scheme: dark`; a site that prints on white passes
    /// `screen and (prefers-color-scheme: dark)`).
    public static func stylesheet(
        scope: String = ".hl", light: HighlightTheme = .light, dark: HighlightTheme = .dark,
        darkMediaQuery: String = "(prefers-color-scheme: dark)"
    ) -> String {
        """
        /* Swift syntax highlighting: light theme. */
        \(rules(for: light, scope: scope, indent: ""))
        /* Dark theme, following the reader's system setting. */
        @media \(darkMediaQuery) {
        \(rules(for: dark, scope: scope, indent: "  "))
        }

        """
    }

    private static func rules(for theme: HighlightTheme, scope: String, indent: String) -> String {
        var lines = ["\(indent)\(scope) { background: \(theme.background.hexString); color: \(theme.foreground.hexString); }"]
        for kind in TokenKind.allCases {
            guard let cssClass = kind.cssClass, let style = theme.styles[kind] else { continue }
            var declarations = ["color: \(style.color.hexString);"]
            if style.bold { declarations.append("font-weight: 600;") }
            if style.italic { declarations.append("font-style: italic;") }
            lines.append("\(indent)\(scope) .\(cssClass) { \(declarations.joined(separator: " ")) }")
        }
        return lines.joined(separator: "\n")
    }
}
