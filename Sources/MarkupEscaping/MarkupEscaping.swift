// The one escaper of text for HTML, SVG and MathML: the site's pages, the charts' SVG files,
// the math and the highlighted code all go through it.

/// Escapes text for HTML and XML, the one way every string reaches a page or an SVG file.
///
/// Escaping works scalar by scalar, so a combining mark cannot fuse with a `<` or `"` and hide
/// it. Control characters that HTML forbids (all C0 controls but tab, line feed and carriage
/// return, DEL and the C1 block) become U+FFFD, so output from a step cannot make a page
/// or an SVG file invalid (XML 1.0 forbids the C0 controls even as references).
public enum MarkupEscaping {
    /// Escapes `&`, `<`, `>` and `"` for element content.
    public static func text(_ text: String) -> String {
        escape(text, quotes: false)
    }

    /// Escapes `&`, `<`, `>`, `"` and `'` for a quoted attribute value.
    public static func attribute(_ text: String) -> String {
        escape(text, quotes: true)
    }

    private static func escape(_ text: String, quotes: Bool) -> String {
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result.append(contentsOf: "&amp;".unicodeScalars)
            case "<": result.append(contentsOf: "&lt;".unicodeScalars)
            case ">": result.append(contentsOf: "&gt;".unicodeScalars)
            case "\"": result.append(contentsOf: "&quot;".unicodeScalars)
            case "'" where quotes: result.append(contentsOf: "&#39;".unicodeScalars)
            case _ where isForbidden(scalar): result.append("\u{FFFD}")
            default: result.append(scalar)
            }
        }
        return String(result)
    }

    /// `text` with the control characters HTML forbids replaced by U+FFFD, for text that another
    /// escaper (the syntax highlighter) escapes.
    public static func replacingForbiddenCharacters(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isForbidden) else { return text }
        return String(String.UnicodeScalarView(text.unicodeScalars.map { isForbidden($0) ? "\u{FFFD}" : $0 }))
    }

    private static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: false
        case 0..<0x20, 0x7F...0x9F: true
        default: false
        }
    }
}
