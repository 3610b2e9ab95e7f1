/// A parsed lesson: its identity, its front matter and its blocks, every node located in its file.
public struct Lesson: Sendable, Equatable, Codable {
    /// The file path as shown to the user, e.g. `Lessons/02-vae-loss.md`.
    public var path: String
    /// The file name without the number prefix and `.md`, e.g. `vae-loss`.
    public var slug: String
    /// The number from the `NN-` prefix of the file name, e.g. 2.
    public var number: Int
    /// The YAML front matter.
    public var frontMatter: FrontMatter
    /// The top-level blocks, in document order.
    public var blocks: [Block]

    /// Creates a lesson.
    public init(path: String, slug: String, number: Int, frontMatter: FrontMatter, blocks: [Block]) {
        self.path = path
        self.slug = slug
        self.number = number
        self.frontMatter = frontMatter
        self.blocks = blocks
    }

    /// Every cell, including cells nested in lists and quotes, in document order.
    public var cells: [Cell] {
        var cells: [Cell] = []
        Block.visit(blocks) { block in
            if case .cell(let cell) = block { cells.append(cell) }
        }
        return cells
    }

    /// The cell with the given id, if any.
    public func cell(id: String) -> Cell? { cells.first { $0.id == id } }

    /// Every inline value the lesson shows (`` `{swift} name` ``): in its prose, in document
    /// order, then in its cells' captions and alt texts.
    public var inlineValues: [InlineValue] {
        var values: [InlineValue] = []
        func collect(_ inlines: [Inline]) {
            for inline in inlines {
                switch inline {
                case .value(let value): values.append(value)
                case .emphasis(let children), .strong(let children), .link(_, _, let children), .image(_, _, let children):
                    collect(children)
                default: break
                }
            }
        }
        Block.visit(blocks) { block in
            switch block {
            case .heading(_, let inlines, _, _), .paragraph(let inlines, _): collect(inlines)
            default: break
            }
        }
        for cell in cells {
            for attribute in cell.attributes where attribute.name == "caption" || attribute.name == "alt" {
                for span in InlineValue.spans(in: attribute.value) {
                    if case .success(let value) = InlineValue.parse(codeSpan: span.content, at: attribute.range.start) {
                        values.append(value)
                    }
                }
            }
        }
        return values
    }
}
