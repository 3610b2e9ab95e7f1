import Foundation

/// The links, image sources and ids of a page we wrote, read with patterns: our pages quote
/// every attribute with `"` and escape `"` inside values, so a pattern finds them all.
struct SiteLinks {
    /// Every `href` and `src` value, entities decoded.
    let references: [String]
    /// Every `id` value, in order (duplicates kept, so tests can find them).
    let ids: [String]

    init(html: String) {
        references = Self.values(of: "href", in: html) + Self.values(of: "src", in: html)
        ids = Self.values(of: "id", in: html)
    }

    private static func values(of attribute: String, in html: String) -> [String] {
        let pattern = try! NSRegularExpression(pattern: "\\s\(attribute)=\"([^\"]*)\"")
        let range = NSRange(html.startIndex..., in: html)
        return pattern.matches(in: html, range: range).map { match in
            decodeEntities(String(html[Range(match.range(at: 1), in: html)!]))
        }
    }

    static func decodeEntities(_ text: String) -> String {
        text.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}
