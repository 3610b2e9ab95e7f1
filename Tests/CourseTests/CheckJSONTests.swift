import Foundation
import LessonModel
import Testing
@testable import course
import TestSupport

/// `course check --format json`: read back into Swift values, held against the text form of the
/// same check, and validated against `Schemas/diagnostics.schema.json` by Python's `jsonschema`
/// (which `scripts/setup` installs).
@Suite(.serialized) struct CheckJSONTests {
    static let schema = PackageRoot.url.appendingPathComponent("Schemas/diagnostics.schema.json")

    /// The tiny course's lesson with five faults: a misspelled label and step, a name bound
    /// twice (with its note), a cell without statements (a warning), a misspelled inline value.
    static let faultyLesson = """
        ---
        title: A first look
        summary: Load a few images and train a VAE for one short epoch.
        ---

        ```swift cell id=data
        let data = fashionMNIST(trainingLimit: 100)
        ```

        ```swift cell id=train
        let vae = trainVAE(on: data, latentSize: 2, epoch: 1, batchSize: 50)
        ```

        ```swift cell id=recon
        showReconstructons(vae, of: data.test, count: 4)
        ```

        ```swift cell id=again
        let data = fashionMNIST(trainingLimit: 10)
        ```

        ```swift cell id=empty
        ```

        The data holds `{swift} dta.test.count` test images.

        """

    @Test func jsonReadsBackAndAgreesWithTheTextForm() throws {
        let course = try TinyCourse()
        try Self.faultyLesson.write(to: course.lesson, atomically: true, encoding: .utf8)
        let (status, output) = try course.run(["check", "--no-swift", "--format", "json"])
        #expect(status == 1)
        #expect(output.err.isEmpty, "JSON goes to standard output only: \(output.err)")
        let report = try JSONDecoder().decode(CheckReport.self, from: Data(output.out.utf8))
        #expect(report.version == 1 && report.lessons == 1 && report.errors == 4 && report.warnings == 1)

        let file = "Lessons/01-first-look.md"
        let label = try #require(report.diagnostics.first)
        #expect(label.file == file && label.line == 11 && label.column == 45 && label.endLine == 11 && label.endColumn == 50)
        #expect(label.severity == .error && label.message == "unknown argument label 'epoch'" && label.hint == "did you mean 'epochs'?")
        #expect(label.fixIts.map { "\($0.line):\($0.column)-\($0.endLine):\($0.endColumn) \($0.replacement)" } == ["11:45-11:50 epochs"])
        #expect(report.diagnostics.map(\.message) == [
            "unknown argument label 'epoch'", "unknown step 'showReconstructons'", "duplicate name 'data'",
            "cell 'empty' has no statements", "no cell binds 'dta', which the text shows",
        ])
        #expect(report.diagnostics.map { $0.fixIts.map(\.replacement) } == [["epochs"], ["showReconstructions"], [], [], ["data"]])
        let duplicate = report.diagnostics[2]
        #expect(duplicate.endLine == nil && duplicate.fixIts.isEmpty)
        #expect(duplicate.notes.map { "\($0.line):\($0.column) \($0.severity) \($0.message)" } == ["7:5 note 'data' is first bound here"])
        // The inline value's diagnostic is at its span, and its fix-it only over the name.
        let inline = report.diagnostics[4]
        #expect((inline.line, inline.column, inline.endColumn) == (25, 17, 28))
        #expect(inline.fixIts.map { [$0.line, $0.column, $0.endLine, $0.endColumn] } == [[25, 25, 25, 28]])

        // Every fix-it, applied, writes what its hint suggests.
        var lines = Self.faultyLesson.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0.utf8) }
        for fix in report.diagnostics.flatMap(\.fixIts).sorted(by: { ($0.line, $0.column) > ($1.line, $1.column) }) {
            lines[fix.line - 1].replaceSubrange((fix.column - 1)..<(fix.endColumn - 1), with: Array(fix.replacement.utf8))
        }
        let fixed = lines.map { String(decoding: $0, as: UTF8.self) }.joined(separator: "\n")
        #expect(fixed.contains("epochs: 1") && fixed.contains("showReconstructions(vae") && fixed.contains("`{swift} data.test.count`"))

        // The same check as text: the same diagnostics, in the same order, and the same status.
        let (textStatus, text) = try course.run(["check", "--no-swift"])
        #expect(textStatus == status)
        #expect(text.out == "checked 1 lesson: 4 errors, 1 warning")
        func printed(_ entry: CheckReport.Entry) -> [String] {
            ["\(entry.file):\(entry.line):\(entry.column): \(entry.severity): \(entry.message)"]
                + (entry.hint.map { ["  hint: \($0)"] } ?? []) + entry.notes.flatMap(printed)
        }
        #expect(text.err == report.diagnostics.flatMap(printed).joined(separator: "\n"))
    }

    /// The README's example is what the tiny course with `epoch:` for `epochs:` prints.
    @Test func readmeExampleIsTheOutput() throws {
        let readme = try String(contentsOf: PackageRoot.url.appendingPathComponent("README.md"), encoding: .utf8)
        let section = try #require(readme.range(of: "### Diagnostics as JSON"))
        let open = try #require(readme.range(of: "```json\n", range: section.upperBound..<readme.endIndex))
        let close = try #require(readme.range(of: "\n```\n", range: open.upperBound..<readme.endIndex))
        let course = try TinyCourse()
        let text = try String(contentsOf: course.lesson, encoding: .utf8)
        try text.replacingOccurrences(of: "epochs: 1", with: "epoch: 1").write(to: course.lesson, atomically: true, encoding: .utf8)
        let (_, output) = try course.run(["check", "--no-swift", "--format", "json"])
        #expect(output.out == String(readme[open.upperBound..<close.lowerBound]))
    }

    @Test func jsonValidatesAgainstTheSchema() throws {
        let course = try TinyCourse()
        let (cleanStatus, clean) = try course.run(["check", "--no-swift", "--format", "json"])
        #expect(cleanStatus == 0)
        #expect(try JSONDecoder().decode(CheckReport.self, from: Data(clean.out.utf8)) == CheckReport(lessons: 1, diagnostics: []))
        try Self.faultyLesson.write(to: course.lesson, atomically: true, encoding: .utf8)
        let (_, faulty) = try course.run(["check", "--no-swift", "--format", "json"])
        // A lesson that names no lesson stops before any is checked, and is reported all the same.
        let (missingStatus, missing) = try course.run(["check", "--no-swift", "--format", "json", "no-such-lesson"])
        #expect(missingStatus == 1)
        let stopped = try JSONDecoder().decode(CheckReport.self, from: Data(missing.out.utf8))
        #expect(stopped.lessons == 0 && stopped.errors == 1 && stopped.diagnostics.first?.message.contains("no-such-lesson") == true)

        var documents: [String] = []
        for (name, json) in [("clean", clean.out), ("faulty", faulty.out), ("missing", missing.out)] {
            let file = course.root.appendingPathComponent("\(name).json")
            try json.write(to: file, atomically: true, encoding: .utf8)
            documents.append(file.path)
        }
        // A document the schema must reject, so the validator is seen to work.
        let wrong = course.root.appendingPathComponent("wrong.json")
        try faulty.out.replacingOccurrences(of: "\"severity\" : \"note\"", with: "\"severity\" : \"fatal\"")
            .write(to: wrong, atomically: true, encoding: .utf8)

        let script = """
            import json, sys
            from jsonschema import Draft202012Validator
            schema = json.load(open(sys.argv[1]))
            Draft202012Validator.check_schema(schema)
            validator = Draft202012Validator(schema)
            for path in sys.argv[2:]:
                errors = sorted(e.message for e in validator.iter_errors(json.load(open(path))))
                print(path.rsplit('/', 1)[-1], 'valid' if not errors else 'invalid: ' + '; '.join(errors))
            """
        let python = try #require(ExternalTool.find("python3"), "python3 is needed; scripts/setup installs jsonschema")
        let result = try ExternalTool.run(python, ["-c", script, Self.schema.path] + documents + [wrong.path])
        #expect(result.status == 0, "pip install jsonschema (scripts/setup does): \(result.output)")
        #expect(result.output == """
            clean.json valid
            faulty.json valid
            missing.json valid
            wrong.json invalid: 'fatal' is not one of ['error', 'warning', 'note']; 'note' was expected

            """)
    }
}
