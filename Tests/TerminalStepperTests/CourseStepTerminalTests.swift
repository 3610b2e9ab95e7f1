import Foundation
import Testing

/// `course step` itself in tmux: the lesson runner behind the stepper, with its cache on disk.
@Suite(.serialized, .enabled(if: TmuxSession.isAvailable))
struct CourseStepTerminalTests {
    /// A temporary copy of the fixture course `Fixtures/course`.
    private static func copyOfCourse() throws -> String {
        let root = StepperFixture.temporaryFolder()
        try FileManager.default.copyItem(atPath: golden.fixtures.appendingPathComponent("course/Lessons").path, toPath: root + "/Lessons")
        return root
    }

    /// The names of the cache's entries.
    private static func entries(_ root: String) -> Set<String> {
        Set(((try? FileManager.default.contentsOfDirectory(atPath: root + "/.course-cache/entries")) ?? []).filter { !$0.hasPrefix(".") })
    }

    /// Takes the cache's lock of the course at `root` as a `course build` of it would, and
    /// returns its descriptor; closing it lets go.
    private static func holdCacheLock(_ root: String) throws -> Int32 {
        try FileManager.default.createDirectory(atPath: root + "/.course-cache", withIntermediateDirectories: true)
        // Close-on-exec, or the tmux server started next would inherit the lock and keep it.
        let lock = open(root + "/.course-cache/lock", O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        try #require(lock >= 0 && flock(lock, LOCK_EX) == 0)
        _ = "process \(getpid()) (course build)\n".withCString { write(lock, $0, strlen($0)) }
        return lock
    }

    @Test func waitingForAnotherRunSaysSoAndCtrlCCancelsTheWait() throws {
        let course = try StepperFixture.builtProgram("course")
        let root = try Self.copyOfCourse()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let lock = try Self.holdCacheLock(root)
        defer { close(lock) }

        let session = try TmuxSession(command: StepperFixture.inTerminal("'\(course)' step 1 --repository '\(root)'"))
        try session.waitFor("the first screen") { $0.contains("q quit") && $0.contains("cell 1 of 3") }
        try session.send("Enter")
        // The footer and the key legend are drawn in separate writes: wait for both.
        let waiting = try session.waitFor("the waiting message") {
            $0.contains("waiting for process \(getpid()) (course build)") && $0.contains("Ctrl-C cancel the wait")
        }
        #expect(waiting?.contains("Ctrl-C cancels") == true)
        #expect(waiting?.contains("Ctrl-C cancel the wait") == true, "the legend says what Ctrl-C does now")
        let body = try session.waitFor("the body saying the cell waits") { $0.contains("◌ waiting to run") }
        #expect(body?.contains("▶ running…") == false, "the cell has not started")
        try session.send("C-c")
        let back = try session.waitFor("the lesson again") { $0.contains("Stopped waiting for process") && $0.contains("⏎ run") }
        #expect(back?.contains("⏎ run  r rerun fresh") == true, "back at the prompt, the cell not run")
        #expect(back?.contains("interrupted") == false)
        #expect(Self.entries(root).isEmpty, "nothing ran")

        // q during a wait quits at once and leaves the terminal as it was.
        try session.send("Enter")
        try session.waitFor("the second wait") { $0.contains("Ctrl-C cancels") }
        try session.quitAndExpectTheTerminalRestored()
    }

    @Test func plainStepSaysWhatItWaitsForThenRuns() throws {
        let course = try StepperFixture.builtProgram("course")
        let root = try Self.copyOfCourse()
        defer { try? FileManager.default.removeItem(atPath: root) }
        var lock = try Self.holdCacheLock(root)
        defer { if lock >= 0 { close(lock) } }

        let session = try TmuxSession(command: StepperFixture.inTerminal("'\(course)' step 1 --plain --repository '\(root)'"))
        try session.waitFor("the waiting message") {
            $0.contains("waiting for process \(getpid()) (course build), which is running cells of this course…")
        }
        close(lock)
        lock = -1
        let done = try session.waitFor("the whole lesson", timeout: 60) { $0.contains("STEPPER-EXIT=") }
        #expect(done?.contains("STEPPER-EXIT=0") == true)
    }

    @Test func aStaleCacheDoesNotDelayTheFirstScreenAndCellsRunOnlyWhenAsked() throws {
        let course = try StepperFixture.builtProgram("course")
        let root = try Self.copyOfCourse()
        defer { try? FileManager.default.removeItem(atPath: root) }
        // A cache from an earlier run, then an edit to the first cell that makes every cell stale.
        let (status, output) = try Subprocess.run(course, ["run", "1", "--repository", root, "--out", root + "/figures"])
        try #require(status == 0, "\(output)")
        let lessonPath = root + "/Lessons/01-first-look.md"
        let text = try String(contentsOfFile: lessonPath, encoding: .utf8)
        try text.replacingOccurrences(of: "trainingLimit: 100", with: "trainingLimit: 120").write(toFile: lessonPath, atomically: true, encoding: .utf8)
        // Library sources that differ from the binary's: the warning comes after the first screen.
        try FileManager.default.createDirectory(atPath: root + "/Sources/NeuralNetworks", withIntermediateDirectories: true)
        try "struct Edited {}\n".write(toFile: root + "/Sources/NeuralNetworks/Edited.swift", atomically: true, encoding: .utf8)
        let before = Self.entries(root)
        #expect(before.count == 3)

        let session = try TmuxSession(command: StepperFixture.inTerminal("'\(course)' step 1 --repository '\(root)'"))
        let first = try session.waitFor("the first screen") { $0.contains("q quit") && $0.contains("cell 1 of 3") }
        try #require(Self.entries(root) == before, "no cell ran before the first screen")
        #expect(first?.contains("│ let data = fashionMNIST(trainingLimit: 120)") == true)
        try session.waitFor("the rebuild warning on the screen") {
            $0.contains("⚠ Sources/NeuralNetworks changed since this course binary was built")
        }
        #expect(Self.entries(root) == before, "nothing runs until a key asks for it")

        try session.send("Enter")
        try session.waitFor("the first cell's run", timeout: 60) { $0.contains("cell 1 of 3") && $0.contains("✓ ran in") }
        #expect(Self.entries(root).count == before.count + 1, "only the cell asked for ran")
        try session.send("Enter")
        try session.waitFor("the second cell") { $0.contains("cell 2 of 3") && $0.contains("⏎ run") }
        try session.send("Enter")
        try session.waitFor("the second cell's run", timeout: 60) { $0.contains("cell 2 of 3") && $0.contains("✓ ran in") }
        try session.send("Enter")
        try session.waitFor("the third cell") { $0.contains("cell 3 of 3") && $0.contains("⏎ run") }
        try session.send("Enter")
        let figure = try session.waitFor("the reconstructions", timeout: 60) { $0.contains("✓ ran in") && $0.contains("▀") }
        #expect(figure?.contains("Reconstructions") == true)
        #expect(Self.entries(root).count == before.count + 3)
        try session.send("q")
        try session.waitFor("the shell after quitting") { $0.contains("STEPPER-EXIT=0") }

        // Now every cell is fresh: Enter restores the cell from the cache.
        let again = try TmuxSession(command: StepperFixture.inTerminal("'\(course)' step 1 --repository '\(root)'"))
        try again.waitFor("the first screen again") { $0.contains("q quit") && $0.contains("cell 1 of 3") }
        try again.send("Enter")
        try again.waitFor("the cached result") { $0.contains("✓ from the cache") }
        #expect(Self.entries(root).count == before.count + 3)
    }
}
