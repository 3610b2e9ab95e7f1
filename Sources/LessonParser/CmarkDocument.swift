import CCmark

/// The only place that talks to libcmark: parses Markdown and copies the tree into
/// `MarkdownNode` values, then frees cmark's tree before returning.
enum CmarkDocument {
    /// The result of a parse.
    struct Result {
        /// The document node.
        var root: MarkdownNode
        /// The position (line, column) of the first node nested deeper than the limit, if any;
        /// everything inside it was dropped.
        var firstTooDeep: (line: Int, column: Int)?
    }

    /// Parses `bytes` as CommonMark with source positions, keeping at most `maximumDepth` levels of
    /// nested containers (blocks and inlines) so that hostile input cannot exhaust the stack later.
    ///
    /// Raw HTML is kept in the tree; it is the renderers' job to escape or drop it.
    static func parse(_ bytes: [UInt8], maximumDepth: Int) -> Result {
        let document = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { characters in
                cmark_parse_document(characters.baseAddress, characters.count, CMARK_OPT_SOURCEPOS | CMARK_OPT_UNSAFE)
            }
        }
        guard let document else {
            return Result(root: MarkdownNode(kind: .document, startLine: 1, startColumn: 1, endLine: 1, endColumn: 1))
        }
        defer { cmark_node_free(document) }

        let iterator = cmark_iter_new(document)
        defer { cmark_iter_free(iterator) }

        var open: [MarkdownNode] = []
        var root: MarkdownNode?
        var firstTooDeep: (line: Int, column: Int)?
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iterator) else { break }
            if event == CMARK_EVENT_EXIT {
                guard let finished = open.popLast() else { break }
                if open.isEmpty { root = finished } else { open[open.count - 1].children.append(finished) }
                continue
            }
            guard let copied = copy(node) else {
                // Custom nodes never come from the parser; skip one defensively, with its subtree.
                if !isLeaf(node) { cmark_iter_reset(iterator, node, CMARK_EVENT_EXIT) }
                continue
            }
            if isLeaf(node) {
                open[open.count - 1].children.append(copied)
            } else if open.count > maximumDepth {
                if firstTooDeep == nil { firstTooDeep = (copied.startLine, copied.startColumn) }
                cmark_iter_reset(iterator, node, CMARK_EVENT_EXIT)
            } else {
                open.append(copied)
            }
        }
        let fallback = MarkdownNode(kind: .document, startLine: 1, startColumn: 1, endLine: 1, endColumn: 1)
        return Result(root: root ?? fallback, firstTooDeep: firstTooDeep)
    }

    /// Whether cmark reports the node with an enter event only.
    private static func isLeaf(_ node: OpaquePointer) -> Bool {
        switch cmark_node_get_type(node) {
        case CMARK_NODE_HTML_BLOCK, CMARK_NODE_THEMATIC_BREAK, CMARK_NODE_CODE_BLOCK, CMARK_NODE_TEXT,
             CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK, CMARK_NODE_CODE, CMARK_NODE_HTML_INLINE:
            return true
        default:
            return false
        }
    }

    /// Copies one node's own data (not its children) into a `MarkdownNode`.
    private static func copy(_ node: OpaquePointer) -> MarkdownNode? {
        let kind: MarkdownNode.Kind
        switch cmark_node_get_type(node) {
        case CMARK_NODE_DOCUMENT: kind = .document
        case CMARK_NODE_BLOCK_QUOTE: kind = .blockQuote
        case CMARK_NODE_LIST:
            kind = .list(
                ordered: cmark_node_get_list_type(node) == CMARK_ORDERED_LIST,
                start: Int(cmark_node_get_list_start(node)),
                tight: cmark_node_get_list_tight(node) != 0)
        case CMARK_NODE_ITEM: kind = .item
        case CMARK_NODE_CODE_BLOCK: kind = .codeBlock(literal: literal(node))
        case CMARK_NODE_HTML_BLOCK: kind = .htmlBlock(literal(node))
        case CMARK_NODE_PARAGRAPH: kind = .paragraph
        case CMARK_NODE_HEADING: kind = .heading(level: Int(cmark_node_get_heading_level(node)))
        case CMARK_NODE_THEMATIC_BREAK: kind = .thematicBreak
        case CMARK_NODE_TEXT: kind = .text(literal(node))
        case CMARK_NODE_SOFTBREAK: kind = .softBreak
        case CMARK_NODE_LINEBREAK: kind = .lineBreak
        case CMARK_NODE_CODE: kind = .code(literal(node))
        case CMARK_NODE_HTML_INLINE: kind = .htmlInline(literal(node))
        case CMARK_NODE_EMPH: kind = .emphasis
        case CMARK_NODE_STRONG: kind = .strong
        case CMARK_NODE_LINK: kind = .link(url: string(cmark_node_get_url(node)), title: string(cmark_node_get_title(node)))
        case CMARK_NODE_IMAGE: kind = .image(url: string(cmark_node_get_url(node)), title: string(cmark_node_get_title(node)))
        default: return nil
        }
        return MarkdownNode(
            kind: kind,
            startLine: Int(cmark_node_get_start_line(node)), startColumn: Int(cmark_node_get_start_column(node)),
            endLine: Int(cmark_node_get_end_line(node)), endColumn: Int(cmark_node_get_end_column(node)))
    }

    private static func literal(_ node: OpaquePointer) -> String { string(cmark_node_get_literal(node)) }

    private static func string(_ characters: UnsafePointer<CChar>?) -> String {
        characters.map { String(cString: $0) } ?? ""
    }
}
