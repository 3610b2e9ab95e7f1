import Foundation
import LessonModel
import Testing
@testable import LessonParser

/// The course's own lessons in `Lessons/` parse cleanly and keep the shape the course promises.
@Suite struct CourseLessonsTests {
    static let catalog = try? LessonCatalog(repositoryRoot: Fixtures.repositoryRoot)
    static let paths = catalog?.entries.map(\.path) ?? []

    @Test func theCourseHasItsFiveLessons() throws {
        let catalog = try #require(Self.catalog)
        #expect(catalog.entries.map(\.number) == [1, 2, 3, 4, 5])
    }

    @Test(arguments: paths) func lessonParsesWithoutDiagnostics(path: String) throws {
        let parsed = try parse(path)
        #expect(parsed.warnings.isEmpty, "\(parsed.warnings.map(\.description).joined(separator: "\n"))")
    }

    /// Lessons stay short: three to eight cells, except lesson 5, whose 2-D GAN you can watch
    /// adds three (one training run, one figure each, so each figure keeps its own caption).
    static let cellLimits: [String: ClosedRange<Int>] = ["Lessons/05-training-gans.md": 3...11]

    @Test(arguments: paths) func lessonHasASummaryAndThreeToEightNamedCells(path: String) throws {
        let lesson = try parse(path).lesson
        #expect(!lesson.frontMatter.summary.isEmpty)
        #expect((Self.cellLimits[path] ?? 3...8).contains(lesson.cells.count), "\(path) has \(lesson.cells.count) cells")
        // Explicit ids keep figure files and `course run --cell` lines stable when cells move.
        for cell in lesson.cells {
            #expect(cell[attribute: "id"] != nil, "\(path):\(cell.range.start.line): cell without an id")
        }
    }

    @Test(arguments: paths) func lessonShowsMathAndEndsWithTryThis(path: String) throws {
        let lesson = try parse(path).lesson
        var displayMath = 0
        var headings: [String] = []
        Block.visit(lesson.blocks) { block in
            switch block {
            case .displayMath: displayMath += 1
            case .heading(_, _, let anchor, _): headings.append(anchor)
            default: break
            }
        }
        #expect(displayMath > 0, "\(path) shows no formula")
        #expect(headings.last == "try-this", "\(path) should close with a 'Try this' section")
    }

    private func parse(_ path: String) throws -> ParsedLesson {
        do {
            return try LessonParser(repositoryRoot: Fixtures.repositoryRoot).parse(fileAt: path)
        } catch {
            Issue.record("\(error.description)")
            throw error
        }
    }
}
