/// The YAML block at the top of a lesson.
public struct FrontMatter: Sendable, Equatable, Codable {
    /// The lesson title, shown in the site index and the page heading.
    public var title: String
    /// A one-sentence summary, shown in the site index.
    public var summary: String
    /// A position overriding the file number when listing lessons, if given.
    public var order: Int?
    /// Lesson-wide defaults for cell attributes, such as a default `seed` or `timeout`.
    public var defaults: [String: String]
    /// The id of the cell whose first figure stands for the lesson in the site index, if given;
    /// the parser has checked that the lesson has such a cell.
    public var thumbnail: String?

    /// Creates front matter.
    public init(title: String, summary: String, order: Int? = nil, defaults: [String: String] = [:], thumbnail: String? = nil) {
        self.title = title
        self.summary = summary
        self.order = order
        self.defaults = defaults
        self.thumbnail = thumbnail
    }
}
