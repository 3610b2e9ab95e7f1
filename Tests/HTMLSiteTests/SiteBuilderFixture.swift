import Foundation
@testable import HTMLSite

/// Builds the fixture course's site.
enum SiteBuilderFixture {
    @discardableResult
    static func build(into folder: URL) throws -> SiteReport {
        try SiteBuilder(course: FixtureCourse.info, repositoryRoot: FixtureCourse.root)
            .build(lessons: try FixtureCourse.executedLessons(), into: folder)
    }
}
