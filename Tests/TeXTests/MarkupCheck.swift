/// A small checker for the markup the renderer writes: tags balance, and only MathML Core
/// elements and the attributes this renderer means to use appear.
enum MarkupCheck {
    static let mathMLCore: Set<String> = [
        "math", "semantics", "annotation", "mrow", "mi", "mn", "mo", "mtext", "mspace", "msub", "msup",
        "msubsup", "munder", "mover", "munderover", "mfrac", "msqrt", "mroot", "mstyle", "mtable",
        "mtr", "mtd", "mpadded", "mphantom", "merror", "ms", "mmultiscripts", "mprescripts",
    ]

    static let allowedAttributes: Set<String> = [
        "xmlns", "display", "encoding", "mathvariant", "form", "stretchy", "fence", "width", "accent",
        "accentunder", "displaystyle", "style", "linethickness", "lspace", "rspace", "mathsize", "height",
        "depth", "voffset",
    ]

    /// The first tag that closes out of order or stays open, if any.
    static func unbalancedTag(in markup: String) -> String? {
        var stack: [String] = []
        for tag in tags(in: markup) {
            if tag.hasSuffix("/") { continue }
            if tag.hasPrefix("/") {
                guard stack.popLast() == String(tag.dropFirst()) else { return String(tag) }
            } else {
                stack.append(String(tag.prefix { $0 != " " }))
            }
        }
        return stack.last
    }

    static func elementNames(in markup: String) -> [String] {
        tags(in: markup).filter { !$0.hasPrefix("/") }.map { String($0.prefix { $0 != " " && $0 != "/" }) }
    }

    static func attributeNames(in markup: String) -> [String] {
        tags(in: markup).filter { !$0.hasPrefix("/") }.flatMap { tag in
            tag.split(separator: " ").dropFirst().compactMap { part in
                part.contains("=") ? String(part.prefix { $0 != "=" }) : nil
            }
        }
    }

    /// The text between each `<` and `>`; the renderer escapes both in content.
    private static func tags(in markup: String) -> [Substring] {
        // Scalars, not characters: a combining mark after `>` would hide it from a character search.
        let scalars = markup.unicodeScalars
        var result: [Substring] = []
        var index = scalars.startIndex
        while let open = scalars[index...].firstIndex(of: "<") {
            guard let close = scalars[open...].firstIndex(of: ">") else { break }
            result.append(Substring(scalars[scalars.index(after: open)..<close]))
            index = scalars.index(after: close)
        }
        return result
    }
}
