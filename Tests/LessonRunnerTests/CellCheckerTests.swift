import CourseSteps
import LessonModel
import LessonParser
import Testing
@testable import LessonRunner

/// The checker's rules beyond the fixture cases: arrays, methods and properties, warnings,
/// dependencies and the canonical source behind cache keys.
@Suite struct CellCheckerTests {
    static let catalog = StepCatalog.steps + [
        Step("mean", parameters: [.init("of", .array(.double), doc: "the numbers")], result: .double, doc: "The mean.", modules: []) { arguments in
            guard case .array(let values, _) = arguments[0] else { return .void }
            return .double(values.map(\.double).reduce(0, +) / Double(max(values.count, 1)))
        },
        Step("describe", kind: .method(receiver: CourseData.typeName), parameters: [.init("verbose", .bool, default: .bool(false), doc: "more")],
             result: .string, doc: "Describes the data.", modules: []) { _ in .string("data") },
    ]

    func check(_ body: String) throws(DiagnosticError) -> (lesson: CheckedLesson, warnings: [Diagnostic]) {
        let text = "---\ntitle: T\nsummary: S.\n---\n\n" + body + "\nEnd.\n"
        let lesson = try LessonParser(repositoryRoot: "/tmp").parse(bytes: Array(text.utf8), path: "Lessons/03-check.md").lesson
        return try CellChecker(catalog: Self.catalog).check(lesson)
    }

    func errors(_ body: String) -> [String] {
        do {
            _ = try check(body)
            return []
        } catch {
            return error.errors.map(\.description)
        }
    }

    @Test func integerLiteralsStandForDoublesButArraysMustAgree() throws {
        #expect(errors("```swift cell\nmean(of: [1, 2.5, 3])\n```\n") == [])
        #expect(errors("```swift cell\nmean(of: [])\n```\n") == [])
        #expect(errors("```swift cell\nmean(of: [1, \"two\"])\n```\n") == [
            "Lessons/03-check.md:7:14: error: cannot convert value of type 'String' to expected element type 'Double'\n  hint: every element of an array has the same type",
        ])
        #expect(errors("```swift cell\nlet empty = []\n```\n") == [
            "Lessons/03-check.md:7:13: error: empty array literal needs a type\n  hint: pass it directly as an argument that takes an array",
        ])
    }

    @Test func methodsAreCalledAndPropertiesAreNot() {
        let load = "```swift cell\nlet data = fashionMNIST(trainingLimit: 10)\n"
        #expect(errors(load + "data.describe(verbose: true)\n```\n") == [])
        #expect(errors(load + "data.describe\n```\n") == [
            "Lessons/03-check.md:8:6: error: method 'describe' is not called\n  hint: write 'describe(…)'",
        ])
        #expect(errors(load + "data.test()\n```\n") == [
            "Lessons/03-check.md:8:6: error: cannot call value of non-function type 'ImageSet'\n  hint: 'test' is a property; remove the parentheses",
        ])
        #expect(errors(load + "data(1)\n```\n") == [
            "Lessons/03-check.md:8:1: error: cannot call value of non-function type 'CourseData'\n  hint: 'data' is a value bound by 'let'",
        ])
        #expect(errors("```swift cell\nlet f = fashionMNIST\n```\n") == [
            "Lessons/03-check.md:7:9: error: step 'fashionMNIST' is not called\n  hint: write 'fashionMNIST(…)'",
        ])
    }

    @Test func argumentProblemsBeyondTheFixtures() {
        let load = "```swift cell\nlet data = fashionMNIST(trainingLimit: 10)\nlet vae = trainVAE(on: data, epochs: 1)\n"
        #expect(errors(load + "showReconstructions(model: vae, of: data.test)\n```\n") == [
            "Lessons/03-check.md:9:21: error: extraneous argument label 'model:' in call\n  hint: remove 'model:'",
        ])
        #expect(errors(load + "showReconstructions(vae, of: data.test, count: 2, 3)\n```\n") == [
            "Lessons/03-check.md:9:51: error: extra argument in call\n  hint: 'showReconstructions' takes: showReconstructions(_: TrainedVAE, of: ImageSet, count: Int = 8)",
        ])
    }

    @Test func optionsAreCasesOfTheTypeTheParameterTakes() {
        let load = "```swift cell\nlet data = fashionMNIST(trainingLimit: 10)\n"
        #expect(errors(load + "let vae = trainVAE(on: data, reconstruction: .squaredError)\n```\n") == [])
        #expect(errors(load + "let option = .squaredError\n```\n") == [
            "Lessons/03-check.md:8:14: error: cannot infer the type of '.squaredError'\n  hint: write an option such as .squaredError directly as the argument of a step that takes one",
        ])
        #expect(errors(load + "let vae = trainVAE(on: data, epochs: .five)\n```\n") == [
            "Lessons/03-check.md:8:38: error: cannot infer the type of '.five'\n  hint: write an option such as .five directly as the argument of a step that takes one",
        ])
        #expect(errors(load + "let gan = trainGAN(on: data, generatorLoss: .Saturating)\n```\n") == [
            "Lessons/03-check.md:8:46: error: type 'GAN.GeneratorLoss' has no member 'Saturating'\n  hint: did you mean 'saturating'? GAN.GeneratorLoss is .saturating or .nonSaturating",
        ])
    }

    @Test func aStepsNameCannotBeRebound() {
        #expect(errors("```swift cell\nlet trainVAE = 3\n```\n") == [
            "Lessons/03-check.md:7:5: error: 'trainVAE' is the name of a step\n  hint: choose another name, so that the step can still be called",
        ])
    }

    @Test func bindingANothingIsAWarningAsInSwift() throws {
        let (_, warnings) = try check("```swift cell\nlet data = fashionMNIST(trainingLimit: 10)\nlet vae = trainVAE(on: data, epochs: 1)\nlet shown = showReconstructions(vae, of: data.test)\n```\n")
        #expect(warnings.map(\.description) == [
            "Lessons/03-check.md:9:5: warning: 'shown' is bound to the result of a step that returns nothing\n  hint: call the step on its own line without 'let'",
        ])
    }

    @Test func dependenciesAreTheCellsWhoseBindingsAreRead() throws {
        let (lesson, _) = try check("""
            ```swift cell id=load
            let data = fashionMNIST(trainingLimit: 10)
            let small = fashionMNIST(trainingLimit: 5)
            ```

            ```swift cell id=train
            let vae = trainVAE(on: data, epochs: 1)
            ```

            ```swift cell id=show
            let test = data.test
            showReconstructions(vae, of: test)
            ```

            """)
        #expect(lesson.cell(id: "train")?.dependencies == ["load"])
        #expect(lesson.cell(id: "show")?.dependencies == ["load", "train"])
        #expect(lesson.cell(id: "show")?.inputs == ["data", "vae"])
        #expect(lesson.upstream(of: "show") == ["load", "train"])
        #expect(lesson.cell(id: "load")?.bindings.map(\.name) == ["data", "small"])
    }

    @Test func theCanonicalSourceIgnoresSpellingAndLayout() throws {
        let (a, _) = try check("```swift cell\nlet data = fashionMNIST( trainingLimit:20_000 ) // twenty thousand\n```\n")
        let (b, _) = try check("```swift cell\n\nlet data = fashionMNIST(\n    trainingLimit: 20000\n)\n```\n")
        let text = CanonicalSource.text(of: a.cells[0].cell.statements)
        #expect(text == "let data = fashionMNIST(trainingLimit: 20000)")
        #expect(text == CanonicalSource.text(of: b.cells[0].cell.statements))
    }

    /// Each did-you-mean is also a fix-it over exactly the misspelled name: applying them all to
    /// the lesson writes the names the hints suggest, and nothing else changes.
    @Test func didYouMeansAreFixItsOverTheMisspelledNames() throws {
        func body(_ names: [String]) -> String {
            """
            ```swift cell id=data
            let data = fashionMNIST(trainingLimit: 64)
            ```

            ```swift cell
            \(names[0])(data.test, count: 8)
            showImages(\(names[1]).test, \(names[2]): 8)
            showImages(data.\(names[3]), count: 8)
            let vae = trainVAE(on: data, reconstruction: .\(names[4]))
            ```

            Shown: `{swift} \(names[5])` and `{swift} data.\(names[6])`.

            """
        }
        let header = "---\ntitle: T\nsummary: S.\n---\n\n"
        let wrong = header + body(["showImags", "dta", "cont", "tset", "squaredEror", "dat", "tset"])
        let right = header + body(["showImages", "data", "count", "test", "squaredError", "data", "test"])
        let lesson = try LessonParser(repositoryRoot: "/tmp").parse(bytes: Array(wrong.utf8), path: "Lessons/03-check.md").lesson
        var diagnostics: [Diagnostic] = []
        do { _ = try CellChecker(catalog: Self.catalog).check(lesson) } catch { diagnostics = error.errors }
        #expect(diagnostics.count == 7, "\(diagnostics)")
        // An inline value's diagnostic stays at its span, as the text shows it, and spans to the name's end.
        #expect(diagnostics.allSatisfy { $0.fixIts.count == 1 && $0.end == $0.fixIts.first?.range.end }, "\(diagnostics)")
        #expect(diagnostics.suffix(2).map(\.location.description) == ["Lessons/03-check.md:17:9", "Lessons/03-check.md:17:27"])
        #expect(diagnostics.allSatisfy { $0.hint?.hasPrefix("did you mean '\($0.fixIts.first?.replacement ?? "")'?") == true })
        // Apply from the last to the first, so earlier columns stay valid.
        var lines = wrong.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0.utf8) }
        for fixIt in diagnostics.flatMap(\.fixIts).sorted(by: { $0.range.start > $1.range.start }) {
            let start = fixIt.range.start, end = fixIt.range.end
            #expect(start.line == end.line)
            lines[start.line - 1].replaceSubrange((start.column - 1)..<end.column, with: Array(fixIt.replacement.utf8))
        }
        #expect(lines.map { String(decoding: $0, as: UTF8.self) }.joined(separator: "\n") == right)
    }
}
