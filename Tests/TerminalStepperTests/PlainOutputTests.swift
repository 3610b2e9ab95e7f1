import Foundation
import Testing

/// The whole lesson printed for pipes and logs, from the fixture program.
struct PlainOutputTests {
    @Test func plainOutputMatchesTheGoldenFile() throws {
        let folder = StepperFixture.temporaryFolder()
        let (output, status) = try StepperFixture.runPiped(["--step-delay-ms", "0", "--figure-folder", folder])
        #expect(status == 0)
        #expect(!EscapeCodes.containsAny(output), "no escape codes in a pipe")
        try golden.check(output.replacingOccurrences(of: folder, with: "FIGURES"), against: "stepper/plain.txt")
        #expect(FileManager.default.fileExists(atPath: folder + "/latent-codes-samples-1.png"), "the note names a real file")
        #expect(FileManager.default.fileExists(atPath: folder + "/latent-codes-train-2.svg"), "a chart's note names a real file")
    }

    @Test func noColorAndPlainFlagHaveNoEscapeCodes() throws {
        let folder = StepperFixture.temporaryFolder()
        let (output, status) = try StepperFixture.runPiped(["--plain", "--step-delay-ms", "0", "--figure-folder", folder],
                                                           environment: ["NO_COLOR": "1", "TERM": "xterm-256color"])
        #expect(status == 0)
        #expect(!EscapeCodes.containsAny(output))
        #expect(output.contains("✓ ran in 1.5 s"))
    }
}
