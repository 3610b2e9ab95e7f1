/// What the site says about the course as a whole: the name in every page's header and the
/// line under it on the home page.
public struct CourseInfo: Sendable, Equatable {
    /// The course name, such as "Codes from distributions".
    public var title: String
    /// One sentence under the title on the home page.
    public var subtitle: String

    /// Creates course information.
    public init(title: String, subtitle: String) {
        self.title = title
        self.subtitle = subtitle
    }
}
