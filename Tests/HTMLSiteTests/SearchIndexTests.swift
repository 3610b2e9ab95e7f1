import Foundation
import LessonModel
import LessonParser
import Testing
@testable import HTMLSite

/// `search-index.js`: a lesson's sections, cut at its headings, with their anchors and prose.
@Suite struct SearchIndexTests {
    @Test func aLessonIsCutAtItsHeadingsAndEachAnchorIsAHeadingOfItsPage() throws {
        let lessons = try FixtureCourse.executedLessons()
        let files = try SiteBuilder(course: FixtureCourse.info, repositoryRoot: FixtureCourse.root).render(lessons: lessons)
        let sections = SearchIndex.sections(of: lessons[1])
        #expect(sections.map(\.heading) == ["The VAE loss", "The KL term", "Reading the formula", "Training", "Per-class error", "What can go wrong", "Try this"],
                "a heading inside an answer is not a section")
        #expect(!sections.contains { $0.text.contains("Any Gaussian prior can be moved") }, "nor is an answer's text")
        #expect(sections.allSatisfy { $0.lesson == 2 && $0.page == "02-vae-loss.html" && $0.lessonTitle == "The VAE loss" })
        // The text before the first section links to the page's top.
        #expect(sections[0].anchor == "")
        #expect(sections[0].text.hasPrefix("The encoder outputs a mean μ and a log-variance"))
        // Quotes and list items belong to the section they are in.
        #expect(sections[1].text.contains("The KL term pulls every code towards the prior; without it, the codes drift apart."))
        #expect(sections[2].text.contains("the sum runs over the latentSize dimensions."))
        #expect(sections[3].text.contains("Loss per epoch: reconstruction and KL terms"), "a cell's caption is searchable")
        let page = String(decoding: try #require(files.first { $0.path == "02-vae-loss.html" }).bytes, as: UTF8.self)
        for section in sections.dropFirst() {
            #expect(["2", "3"].contains { page.contains("<h\($0) id=\"\(section.anchor)\">") }, "no heading with id \(section.anchor)")
        }
    }

    @Test func inlineValuesAreSearchedAsTheRunComputedThem() throws {
        let markdown = """
            ---
            title: Values
            summary: A number in the text.
            ---

            ## Result

            The test loss is `{swift} loss, digits: 1` nats.

            ~~~swift cell id=loss caption="Loss of `{swift} loss, digits: 1` nats"
            let loss = 1.0
            ~~~

            """
        let lesson = try LessonParser(repositoryRoot: FixtureCourse.root.path).parse(bytes: Array(markdown.utf8), path: "Lessons/03-values.md").lesson
        let sections = SearchIndex.sections(of: ExecutedLesson(lesson: lesson, cells: [], values: ["loss, digits: 1": .double(243.871)]))
        #expect(sections.map(\.heading) == ["Result"])
        #expect(sections[0].text == "The test loss is 243.9 nats. Loss of 243.9 nats")
        #expect(SearchIndex.sections(of: ExecutedLesson(lesson: lesson, cells: []))[0].text == "The test loss is … nats. Loss of … nats")
    }

    /// The script sets one global to the sections as JSON, which reads back as they were.
    @Test func theScriptHoldsTheSectionsAsJSON() throws {
        let index = SearchIndex(lessons: try FixtureCourse.executedLessons())
        let script = index.script
        let prefix = "window.\(SearchIndex.variable) = "
        let start = try #require(script.range(of: prefix)).upperBound
        let json = script[start...].dropLast(2)  // ";\n"
        #expect(script.hasSuffix(";\n"))
        let sections = try JSONDecoder().decode([SearchIndex.Section].self, from: Data(json.utf8))
        #expect(sections == index.sections)
        #expect(Set(sections.map(\.lesson)) == [1, 2])
    }
}
