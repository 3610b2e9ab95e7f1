import ArgumentParser
import Foundation
import Testing
@testable import course

/// `--timeout SECONDS`: the course-wide time limit of a cell that sets none itself.
@Suite struct TimeLimitOptionTests {
    /// The limit is far below what even one training step takes, so the test does not depend
    /// on how fast the machine or the library is.
    @Test func aBuildWithATimeoutStopsATrainingCellWithALocatedError() throws {
        let course = try SmallCourse()
        let result = try course.run(["build", "--timeout", "0.001"])
        #expect(result.status == 1)
        #expect(result.err.contains("""
            Lessons/01-codes.md:12:1: error: cell 'train' ran longer than its time limit of 0.001 s
              hint: run with a larger --timeout, or give the cell a 'timeout=' attribute
            """), "\(result.err)")
        // The cells that need the stopped one are skipped; the site still shows what ran.
        #expect(result.out.contains("  cell samples: skipped, because cell 'train' failed"), "\(result.out)")
        // Lesson 2's one cell loads and shows a few images: on a loaded machine even that can
        // take more than 1 ms, so the count of cells that ran is 1 or 2.
        #expect(result.out.contains("  cell data: ran in"), "\(result.out)")
        #expect(result.out.contains(": 2 cells ran, 0 cached, 1 failed") || result.out.contains(": 1 cells ran, 0 cached, 2 failed"),
                "\(result.out)")
    }

    @Test(arguments: ["0", "-1", "nan", "inf"])
    func aTimeoutMustBeAPositiveNumberOfSeconds(_ value: String) {
        for command in ["build", "run 1", "step 1", "verify"] {
            #expect(throws: (any Error).self, "\(command) --timeout \(value)") {
                try Course.parseAsRoot(command.split(separator: " ").map(String.init) + ["--timeout", value])
            }
        }
    }
}
