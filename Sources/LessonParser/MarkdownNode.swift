/// A node of the Markdown tree, copied out of cmark into plain Swift values.
struct MarkdownNode {
    /// The kind of node with its node-specific data.
    enum Kind {
        case document
        case blockQuote
        case list(ordered: Bool, start: Int, tight: Bool)
        case item
        case codeBlock(literal: String)
        case htmlBlock(String)
        case paragraph
        case heading(level: Int)
        case thematicBreak
        case text(String)
        case softBreak
        case lineBreak
        case code(String)
        case htmlInline(String)
        case emphasis
        case strong
        case link(url: String, title: String)
        case image(url: String, title: String)
    }

    var kind: Kind
    /// cmark's source position: 1-based lines and byte columns, end inclusive.
    var startLine: Int
    var startColumn: Int
    var endLine: Int
    var endColumn: Int
    var children: [MarkdownNode] = []

    /// Whether the node holds inline content (its children are inlines).
    var holdsInlines: Bool {
        switch kind {
        case .paragraph, .heading: return true
        default: return false
        }
    }

    /// Calls `body` on this node and its descendants in document order.
    func visit(_ body: (MarkdownNode) -> Void) {
        var pending = [self]
        while let node = pending.popLast() {
            body(node)
            pending.append(contentsOf: node.children.reversed())
        }
    }
}
