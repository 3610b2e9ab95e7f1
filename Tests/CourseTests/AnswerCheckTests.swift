import Foundation
import LessonModel
import Testing
@testable import course
import TestSupport

/// `course check` on exercises' answers: a sound one passes, bad ones are located, in text
/// and in JSON, and a value an answer shows is checked like any other.
@Suite(.serialized) struct AnswerCheckTests {
    static let lesson = """
        ---
        title: A first look
        summary: Load a few images.
        ---

        ```swift cell id=data
        let data = fashionMNIST(trainingLimit: 100)
        ```

        1. How many test images are there?

           ```answer
           There are `{swift} dta.test.count` of them.
           ```

           ```answer
           A second answer.
           ```

        ```answer
        ```

        """

    @Test func checkLocatesBadAnswersInTextAndJSON() throws {
        let course = try TinyCourse()
        try Self.lesson.write(to: course.lesson, atomically: true, encoding: .utf8)
        let (status, text) = try course.run(["check", "--no-swift"])
        #expect(status == 1)
        #expect(text.out == "checked 1 lesson: 3 errors")
        let file = "Lessons/01-first-look.md"
        #expect(text.err == """
            \(file):13:15: error: no cell binds 'dta', which the text shows
              hint: did you mean 'data'?
            \(file):16:4: error: two answers in a row: this answer follows another answer
              hint: merge them into one answer block, or write the question this one answers between them
            \(file):12:4: note: the answer before it is here
            \(file):20:4: error: empty answer
              hint: write the worked answer, in Markdown, between the fences, or remove the block
            """)

        let (jsonStatus, json) = try course.run(["check", "--no-swift", "--format", "json"])
        #expect(jsonStatus == 1)
        let report = try JSONDecoder().decode(CheckReport.self, from: Data(json.out.utf8))
        #expect(report.errors == 3 && report.warnings == 0)
        #expect(report.diagnostics.map { "\($0.line):\($0.column) \($0.message)" } == [
            "13:15 no cell binds 'dta', which the text shows",
            "16:4 two answers in a row: this answer follows another answer",
            "20:4 empty answer",
        ])
        #expect(report.diagnostics[0].fixIts.map(\.replacement) == ["data"], "the did-you-mean inside an answer is a fix-it")
        #expect(report.diagnostics[1].notes.map { "\($0.line):\($0.column)" } == ["12:4"])
    }

    @Test func aSoundAnswerChecksClean() throws {
        let course = try TinyCourse()
        let sound = Self.lesson.replacingOccurrences(of: "`{swift} dta.test.count`", with: "a hundred")
            .components(separatedBy: "\n\n   ```answer\n   A second answer.")[0] + "\n"
        try sound.write(to: course.lesson, atomically: true, encoding: .utf8)
        let (status, text) = try course.run(["check", "--no-swift"])
        #expect(status == 0, "\(text.err)")
        #expect(text.out == "checked 1 lesson: 0 errors")
    }
}
