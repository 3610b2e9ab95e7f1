import CourseSteps
import Foundation
import LessonModel
import LessonParser
import Outputs
import StepFixtures
import Testing
@testable import LessonRunner

/// Claims a lesson makes about its results (`expect`) hold or fail their cell, located, with
/// the claim and the values it compared; the cells that do not need the failed one still run.
@Suite struct ClaimTests {
    static let lesson = """
        ---
        title: Claims
        summary: Claims about results.
        ---

        ```swift cell id=compute
        let twice = doubled(21)
        ```

        ```swift cell id=holds
        expect(twice > 40 && twice <= 42, "doubling 21 gives 42")
        ```

        ```swift cell id=fails
        expect(twice > 50 || twice == 0, "doubling 21 gives more than 50")
        ```

        ```swift cell id=after
        doubled(1, label: "after")
        ```

        """

    @Test func aFalseClaimFailsItsCellWithTheValuesAndTheRestRuns() throws {
        let repository = try FixtureRepository("tiny-vae")
        try repository.write(Self.lesson, to: "Lessons/02-claims.md")
        let runner = try repository.runner(catalogAdding: fixtureSteps)
        let executed = try runner.run(lesson: try repository.lesson("Lessons/02-claims.md"))
        let statuses = executed.cells.map { cell -> String in
            switch cell.status {
            case .failed(let diagnostic): diagnostic.description
            default: "\(cell.cellID): \(cell.status)"
            }
        }
        #expect(statuses[1].hasPrefix("holds: ran"), "\(statuses[1])")
        #expect(statuses[2] == """
            Lessons/02-claims.md:15:1: error: claim does not hold: "doubling 21 gives more than 50" (42.0 > 50.0, 42.0 == 0.0)
              hint: the results no longer support what the lesson says; reword the claim so that it holds on every machine, or change the experiment
            """)
        #expect(executed.cells[3].outputs == [.metrics([Metric(name: "after", value: 2)]), .text("2.0")])
    }

    @Test func aClaimIsRealSwiftOfTheCellLanguage() throws {
        let check = { (body: String) throws -> [String] in
            let text = "---\ntitle: T\nsummary: S.\n---\n\n```swift cell\nlet x = doubled(1)\n\(body)\n```\n"
            do throws(DiagnosticError) {
                let lesson = try LessonParser(repositoryRoot: "/tmp").parse(bytes: Array(text.utf8), path: "Lessons/01-t.md").lesson
                _ = try CellChecker(catalog: StepCatalog.steps + fixtureSteps).check(lesson)
                return []
            } catch {
                return error.errors.map(\.description)
            }
        }
        #expect(try check("expect(x >= 2 && x < 3 || x == 0, \"fine\")") == [])
        #expect(try check("expect(1 < x, \"a literal takes the other side's type\")") == [])
        #expect(try check("expect(x > \"two\", \"no\")") == [
            "Lessons/01-t.md:8:8: error: binary operator '>' cannot be applied to operands of type 'Double' and 'String'\n  hint: compare two numbers of one type, two strings, or two values of one type",
        ])
        #expect(try check("expect(x && true, \"no\")") == [
            "Lessons/01-t.md:8:8: error: cannot convert value of type 'Double' to expected argument type 'Bool'\n  hint: '&&' joins comparisons, such as 'a > 1 && b < 2'",
        ])
        #expect(try check("expect(0 < x < 3, \"no\")") == [
            "Lessons/01-t.md:8:14: error: comparisons cannot be chained\n  hint: join two comparisons with '&&', as in 'a < b && b < c'",
        ])
        #expect(try check("expect(!true, \"no\")") == [
            "Lessons/01-t.md:8:8: error: unexpected character '!' in cell\n  hint: cells have no '!'; compare with '== false', or state the claim the other way round",
        ])
    }

    @Test func operatorsComputeAsSwiftDoes() {
        let nan = StepValue.double(.nan)
        #expect(CellEvaluator.apply(.less, .int(1), .int(2)) && !CellEvaluator.apply(.greater, .int(1), .int(2)))
        #expect(CellEvaluator.apply(.greaterOrEqual, .double(2), .double(2)) && CellEvaluator.apply(.lessOrEqual, .double(2), .double(2)))
        #expect(!CellEvaluator.apply(.less, nan, .double(1)) && !CellEvaluator.apply(.greater, nan, .double(1)))
        #expect(!CellEvaluator.apply(.greaterOrEqual, nan, nan) && !CellEvaluator.apply(.equal, nan, nan) && CellEvaluator.apply(.notEqual, nan, nan))
        #expect(CellEvaluator.apply(.less, .string("a"), .string("b")))
        #expect(CellEvaluator.apply(.equal, .choice("saturating", type: .bool), .choice("saturating", type: .bool)))
    }
}
