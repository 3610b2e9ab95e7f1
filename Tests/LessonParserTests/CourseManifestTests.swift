import Foundation
import LessonModel
import LessonParser
import Testing
import TestSupport

@Suite struct CourseManifestTests {
    let folder: TemporaryFolder
    var root: URL { folder.url }

    init() throws {
        folder = try TemporaryFolder("course-manifest")
        for name in ["02-vae-loss.md", "01-autoencoders.md", "10-gan-training.md"] {
            try folder.write("x", to: "Lessons/" + name)
        }
    }

    /// The errors reading the repository's `course.yml` gives, as a compiler prints them.
    func errors(_ yaml: String) throws -> [String] {
        try folder.write(yaml, to: "course.yml")
        do {
            _ = try LessonCatalog(repositoryRoot: root.path)
            return []
        } catch {
            return error.diagnostics.map(\.description)
        }
    }

    @Test func withoutCourseYmlTheFolderNamesTheCourseAndNumbersOrderTheLessons() throws {
        let catalog = try LessonCatalog(repositoryRoot: root.path)
        #expect(catalog.course == CourseInfo(title: root.lastPathComponent, subtitle: ""))
        #expect(catalog.entries.map(\.slug) == ["autoencoders", "vae-loss", "gan-training"])
    }

    @Test func readsTheCourseAndItsLessonOrder() throws {
        try folder.write("""
            # The course.
            title: "Codes: a course"
            subtitle: VAEs and GANs
            author: Ada Lovelace
            lessons:
              - 10-gan-training.md
              - autoencoders

            """, to: "course.yml")
        let catalog = try LessonCatalog(repositoryRoot: root.path)
        #expect(catalog.course == CourseInfo(title: "Codes: a course", subtitle: "VAEs and GANs", author: "Ada Lovelace"))
        #expect(catalog.entries.map(\.slug) == ["gan-training", "autoencoders", "vae-loss"], "the lessons it leaves out come last")
        #expect(try catalog.resolve("2").slug == "vae-loss", "numbers still name lessons")
    }

    @Test func anEmptyFileKeepsTheDefaults() throws {
        try folder.write("# nothing yet\n", to: "course.yml")
        #expect(try LessonCatalog(repositoryRoot: root.path).course.title == root.lastPathComponent)
    }

    @Test func invalidYAMLIsALocatedError() throws {
        let errors = try errors("title: Codes\nsubtitle: [VAEs\n")
        #expect(errors.count == 1)
        #expect(errors.first?.hasPrefix("course.yml:3:1: error: invalid YAML in course.yml:") == true, "\(errors)")
    }

    @Test func unknownKeysAndBadValuesAreLocatedWithHints() throws {
        #expect(try errors("title: Codes\nsubtitel: VAEs\n") == [
            "course.yml:2:1: error: unknown course.yml key 'subtitel'\n  hint: did you mean 'subtitle'?",
        ])
        #expect(try errors("title: [a, b]\nlessons: autoencoders\n") == [
            "course.yml:1:8: error: 'title' must be text, not a list or mapping",
            "course.yml:2:10: error: 'lessons' must be a list of lesson files or slugs\n  hint: write one '  - 01-autoencoders.md' line per lesson under 'lessons:'",
        ])
        #expect(try errors("- title\n") == [
            "course.yml:1:1: error: course.yml must be a mapping of keys to values\n  hint: write lines like 'title: Codes from Probability Distributions'",
        ])
    }

    @Test func aListedLessonThatIsNotThereIsALocatedError() throws {
        #expect(try errors("lessons:\n  - autoencoders\n  - vae-los\n  - autoencoders.md\n  - 01-autoencoders\n") == [
            "course.yml:3:5: error: 'vae-los' names no lesson in 'Lessons'\n  hint: did you mean 'vae-loss'? lessons: 01 autoencoders, 02 vae-loss, 10 gan-training",
            "course.yml:4:5: error: 'autoencoders.md' names no lesson in 'Lessons'\n  hint: did you mean 'autoencoders'? lessons: 01 autoencoders, 02 vae-loss, 10 gan-training",
            "course.yml:5:5: error: 'Lessons/01-autoencoders.md' is listed twice\n  hint: list each lesson once",
        ])
    }
}
