/// A runnable `swift cell` block: its identity, attributes, source and parsed statements.
public struct Cell: Sendable, Equatable, Codable {
    /// The explicit `id=` attribute, or `cell-N` derived from the cell's index.
    public var id: String
    /// The 1-based position among the cells of the lesson.
    public var index: Int
    /// The attributes of the info string, in the order written (`id` included when given).
    public var attributes: [CellAttribute]
    /// The source text of the body, exactly as in the lesson.
    public var source: String
    /// The whole fenced block, from the opening fence to the closing fence.
    public var range: SourceRange
    /// The body lines, between the fences; nil when the body is empty.
    public var bodyRange: SourceRange?
    /// The statements of the body, one per line, located in the lesson file.
    public var statements: [Statement]

    /// Creates a cell.
    public init(
        id: String, index: Int, attributes: [CellAttribute], source: String,
        range: SourceRange, bodyRange: SourceRange?, statements: [Statement]
    ) {
        self.id = id
        self.index = index
        self.attributes = attributes
        self.source = source
        self.range = range
        self.bodyRange = bodyRange
        self.statements = statements
    }

    /// The value of the attribute `name`, if written.
    public subscript(attribute name: String) -> String? {
        attributes.first { $0.name == name }?.value
    }

    /// The figure caption (`caption="…"`), if any.
    public var caption: String? { self[attribute: "caption"] }
    /// The alternative text of the figure (`alt="…"`), if any.
    public var alt: String? { self[attribute: "alt"] }
    /// The explicit seed (`seed=7`), if any; the parser has checked that it is a valid `UInt64`.
    public var seed: UInt64? { self[attribute: "seed"].flatMap { UInt64($0) } }
    /// The time limit in seconds (`timeout=60`), if any; the parser has checked that it is positive.
    public var timeLimit: Double? { self[attribute: "timeout"].flatMap { Double($0) } }
    /// The largest difference `course verify` accepts in the cell's outputs (`tolerance=0.01`),
    /// if any; the parser has checked that it is a fraction from 0 to 1.
    public var tolerance: Double? { self[attribute: "tolerance"].flatMap { Double($0) } }
    /// Whether the cell runs without being shown (`hidden` or `hidden=true`).
    public var isHidden: Bool { self[attribute: "hidden"] == "true" }
}
