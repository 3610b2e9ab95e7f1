import ArgumentParser
import Foundation
import Testing
@testable import course

/// Whole command lines, parsed in-process as the shell would pass them.
@Suite struct CommandLineTests {
    @Test func acceptsTheDocumentedForms() throws {
        #expect(try Course.parseAsRoot(["run", "02", "--cell", "train", "--fresh"]) is RunCommand)
        #expect(try Course.parseAsRoot(["run", "Lessons/02-vae-loss.md", "--out", "figs"]) is RunCommand)
        #expect(try Course.parseAsRoot(["list"]) is ListCommand)
        #expect(try Course.parseAsRoot(["steps"]) is StepsCommand)
        #expect(try Course.parseAsRoot(["check", "--no-swift"]) is CheckCommand)
        #expect(try Course.parseAsRoot(["verify", "1", "vae-loss"]) is VerifyCommand)
        let run = try #require(try Course.parseAsRoot(["run", "vae-loss", "--cell", "train"]) as? RunCommand)
        #expect(run.common.lesson.name == "vae-loss" && run.cell == "train" && !run.fresh)
        let preview = try #require(try Course.parseAsRoot(["preview", "--port", "8080", "--open"]) as? PreviewCommand)
        #expect(preview.port == 8080 && preview.open)
    }

    @Test(arguments: [
        ["run"],
        ["run", ""],
        ["run", "1", "--cell", "Train_Model"],
        ["run", "1", "--cell", ""],
        ["run", "1", "--out", " "],
        ["verify", ""],
        ["check", "--swift-please"],
        ["launch"],
        ["preview", "--port", "70000"],
        ["preview", "--port", "-1"],
        ["preview", "--port", "eighty"],
    ])
    func rejectsBadArguments(_ arguments: [String]) {
        #expect(throws: (any Error).self) { try Course.parseAsRoot(arguments) }
    }

    @Test func validationMessageNamesTheProblem() {
        do {
            _ = try Course.parseAsRoot(["run", "1", "--cell", "Train_Model"])
            Issue.record("accepted a bad cell id")
        } catch {
            #expect(Course.message(for: error).contains("cell id 'Train_Model' may contain only lowercase letters, digits and '-'"))
        }
    }
}
