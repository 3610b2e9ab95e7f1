import Figures
import Foundation
import LessonModel
import LessonParser
import Outputs
import Testing
@testable import HTMLSite

/// Renders a one-lesson site, in memory or into a folder, from a lesson's Markdown and the
/// results a runner could have produced for its cells.
enum InMemorySite {
    /// The text of the site's file at `path` (`index.html`, or the lesson's page named after
    /// `lessonPath`).
    static func file(_ path: String, markdown: String, lessonPath: String, cells: [ExecutedCell]) throws -> String {
        let files = try SiteBuilder(course: FixtureCourse.info, repositoryRoot: FixtureCourse.root)
            .render(lessons: [try executed(markdown: markdown, lessonPath: lessonPath, cells: cells)])
        let file = try #require(files.first { $0.path == path })
        return String(decoding: file.bytes, as: UTF8.self)
    }

    /// Writes the site into `folder`, for a browser to open.
    static func build(markdown: String, lessonPath: String, cells: [ExecutedCell], into folder: URL) throws {
        try SiteBuilder(course: FixtureCourse.info, repositoryRoot: FixtureCourse.root)
            .build(lessons: [try executed(markdown: markdown, lessonPath: lessonPath, cells: cells)], into: folder)
    }

    private static func executed(markdown: String, lessonPath: String, cells: [ExecutedCell]) throws -> ExecutedLesson {
        let lesson = try LessonParser(repositoryRoot: FixtureCourse.root.path).parse(bytes: Array(markdown.utf8), path: lessonPath).lesson
        return ExecutedLesson(lesson: lesson, cells: cells)
    }

    /// A cell that ran and showed `outputs`.
    static func ran(_ id: String, _ outputs: [DisplayItem]) -> ExecutedCell {
        ExecutedCell(cellID: id, status: .ran, outputs: outputs, seconds: 0.5, cacheKey: "k")
    }

    /// A grid of `count` tiny images, `columns` to a row, with `labels`.
    static func grid(count: Int, columns: Int, labels: [String]? = nil) -> DisplayItem {
        let grid = ImageGrid(pixels: (0..<(count * 4)).map { Float($0 % 2) }, imageRows: 2, imageColumns: 2, gridColumns: columns, labels: labels)
        return .imageGrid(grid, caption: "", altText: "")
    }
}
