/// What a course says about itself in `course.yml`: the name in every page's header and the
/// stepper's, the line under it on the home page, and who wrote it.
public struct CourseInfo: Sendable, Equatable {
    /// The course name, such as "Codes from distributions".
    public var title: String
    /// One sentence under the title on the home page; may be empty.
    public var subtitle: String
    /// Who wrote the course, shown on the home page and in the footer when given.
    public var author: String?

    /// Creates course information.
    public init(title: String, subtitle: String, author: String? = nil) {
        self.title = title
        self.subtitle = subtitle
        self.author = author
    }
}
