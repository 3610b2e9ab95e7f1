import CourseSteps
import Figures
import Foundation
import LessonModel
import Outputs
import Synchronization
import Testing
@testable import LessonRunner

/// Cells that fail, are stopped or run out of time: located errors, dependents skipped,
/// independent cells still run, nothing half-made cached.
@Suite(.serialized) struct FailureTests {
    struct Boom: Error, CustomStringConvertible {
        var description: String { "the reactor overheated" }
    }

    /// Steps for these tests only: one that throws, one that waits until its cell is stopped.
    static let extraSteps: [Step] = [
        Step("explode", parameters: [.init("after", .int, default: .int(0), range: 0...10, doc: "lines shown first")],
             result: .int, doc: "Shows some lines, then throws.", modules: []) { arguments in
            for line in 0..<arguments[0].int { Display.show(text: "line \(line)") }
            throw Boom()
        },
        Step("count", parameters: [.init("to", .int, range: 1...100, doc: "the last number")],
             result: .int, doc: "Returns its argument.", modules: []) { arguments in
            Display.show(text: "counted to \(arguments[0].int)")
            return .int(arguments[0].int)
        },
        Step("waitUntilStopped", result: .void, doc: "Loops until its cell is asked to stop.", modules: []) { _ in
            while !StepContext.current.shouldStop() { usleep(5_000) }
            throw StepStopped()
        },
        Step("sleepWithoutChecking", parameters: [.init("milliseconds", .int, range: 0...1000, doc: "how long")],
             result: .void, doc: "Sleeps, never asking whether to stop, and logs that it ran.", modules: []) { arguments in
            usleep(useconds_t(arguments[0].int * 1000))
            FailureTests.sleepsRun.withLock { $0 += 1 }
            return .void
        },
        Step("currentSeed", result: .int, doc: "The running cell's seed.", modules: []) { _ in
            .int(Int(truncatingIfNeeded: StepContext.current.seed))
        },
    ]

    /// How many `sleepWithoutChecking` calls have finished.
    static let sleepsRun = Mutex(0)

    /// A repository with one lesson of `cells`, and a runner over it. Callers keep the
    /// repository to the end of the test: its folder goes when it does.
    func lesson(_ cells: String, frontMatter: String = "", timeLimit: Double? = nil) throws -> (FixtureRepository, Runner, Lesson) {
        let repository = try FixtureRepository("tiny-vae")
        try repository.write("---\ntitle: Failures\nsummary: Cells that fail.\n\(frontMatter)---\n\n\(cells)\nEnd.\n", to: "Lessons/05-failures.md")
        let runner = try repository.runner(catalogAdding: Self.extraSteps, timeLimit: timeLimit)
        return (repository, runner, try repository.lesson("Lessons/05-failures.md"))
    }

    @Test func aFailingCellIsLocatedItsDependentsSkippedAndOthersRun() throws {
        let (repository, runner, lesson) = try lesson("""
            ```swift cell id=bad
            let x = explode(after: 2)
            ```

            ```swift cell id=uses-bad
            count(to: x)
            ```

            ```swift cell id=fine
            let y = count(to: 3)
            ```

            ```swift cell id=also-bad
            let z = count(to: y)
            explode()
            ```

            """)
        let executed = try runner.run(lesson: lesson)
        #expect(executed.hasFailures)
        guard case .failed(let diagnostic) = executed.cell(id: "bad")?.status else {
            Issue.record("cell 'bad' did not fail")
            return
        }
        #expect(diagnostic.description == "Lessons/05-failures.md:7:9: error: 'explode' failed: the reactor overheated")
        #expect(executed.cell(id: "bad")?.outputs == [], "a failed cell keeps none of its outputs")
        #expect(executed.cell(id: "uses-bad")?.status == .skipped(dependency: "bad"))
        #expect(executed.cell(id: "fine")?.status == .ran)
        guard case .failed(let second) = executed.cell(id: "also-bad")?.status else {
            Issue.record("cell 'also-bad' did not fail")
            return
        }
        #expect(second.location.description == "Lessons/05-failures.md:20:1")
        // Only the cell that succeeded was cached.
        #expect(try repository.entries().count == 1)
        let freshness = try runner.freshness(of: lesson)
        #expect(freshness.map(\.isCached) == [false, false, true, false])
    }

    @Test func aBoundValueOutOfRangeFailsAtRunTimeWhereItIsPassed() throws {
        let (repository, runner, lesson) = try lesson("""
            ```swift cell id=zero
            let n = 0
            ```

            ```swift cell id=load
            let data = fashionMNIST(trainingLimit: n)
            ```

            """)
        defer { withExtendedLifetime(repository) {} }
        let executed = try runner.run(lesson: lesson)
        #expect(executed.cell(id: "zero")?.status == .ran)
        guard case .failed(let diagnostic) = executed.cell(id: "load")?.status else {
            Issue.record("the out-of-range value was not caught")
            return
        }
        #expect(diagnostic.description == """
            Lessons/05-failures.md:11:40: error: value out of range for 'trainingLimit': 0
              hint: 'trainingLimit' takes values from 1 to 60000
            """)
    }

    @Test func stoppingARunningCellInterruptsItAndCachesNothingOfIt() throws {
        let (repository, runner, lesson) = try lesson("""
            ```swift cell id=first
            count(to: 1)
            ```

            ```swift cell id=wait
            waitUntilStopped()
            ```

            ```swift cell id=after
            count(to: 2)
            ```

            """)
        // Stopped once the waiting cell has started, not after a fixed delay: on a loaded
        // machine the first cell can still be running when a delay ends.
        let executed = try runner.run(lesson: lesson) { event in
            if case .started(cellID: "wait") = event { runner.stop() }
        }
        #expect(executed.cells.map(\.status) == [.ran, .interrupted, .interrupted])
        #expect(try repository.entries().count == 1)
        // The next run starts afresh: the stop request does not linger.
        let again = try runner.run(lesson: lesson, cell: "after")
        #expect(again.cells.map(\.status) == [.ran])
    }

    /// What a run in the background reported and returned.
    final class BackgroundRun: Sendable {
        let holder = Mutex<String?>(nil)
        let result = Mutex<ExecutedLesson?>(nil)
        let done = DispatchSemaphore(value: 0)

        init(_ runner: Runner, _ lesson: Lesson) {
            Thread { [self] in
                let executed = try? runner.run(lesson: lesson) { event in
                    if case .waiting(let description) = event { self.holder.withLock { $0 = description } }
                }
                result.withLock { $0 = executed }
                done.signal()
            }.start()
        }
    }

    @Test func stoppingARunThatWaitsForTheCacheLockEndsTheWait() throws {
        let (repository, runner, lesson) = try lesson("""
            ```swift cell id=first
            count(to: 1)
            ```

            """)
        // The test holds the lock as another process's run would, described in the lock file.
        try FileManager.default.createDirectory(at: repository.cacheFolder, withIntermediateDirectories: true)
        // Close-on-exec, so no program another test starts meanwhile inherits the lock and keeps it.
        let lock = open(repository.cacheFolder.appendingPathComponent(CacheLock.fileName).path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        try #require(lock >= 0 && flock(lock, LOCK_EX) == 0)
        _ = "process 4242 (course build)\n".withCString { write(lock, $0, strlen($0)) }
        let run = BackgroundRun(runner, lesson)
        let deadline = Date().addingTimeInterval(30)
        while run.holder.withLock({ $0 }) == nil, Date() < deadline { usleep(10_000) }
        #expect(run.holder.withLock { $0 } == "process 4242 (course build)")
        runner.stop()
        let endedWhileLocked = run.done.wait(timeout: .now() + 5) == .success
        // Let a run that kept waiting finish, whatever happened.
        close(lock)
        if !endedWhileLocked { run.done.wait() }
        #expect(endedWhileLocked, "the run still waited for the lock after it was stopped")
        #expect(run.result.withLock { $0 }?.cells.map(\.status) == [.interrupted])
        #expect(((try? repository.entries()) ?? []).isEmpty, "nothing ran")
    }

    @Test func aCellOverItsTimeLimitFails() throws {
        let (repository, runner, lesson) = try lesson("""
            ```swift cell id=slow timeout=0.1
            waitUntilStopped()
            ```

            """)
        defer { withExtendedLifetime(repository) {} }
        let executed = try runner.run(lesson: lesson)
        guard case .failed(let diagnostic) = executed.cells.first?.status else {
            Issue.record("the time limit was not enforced")
            return
        }
        #expect(diagnostic.message == "cell 'slow' ran longer than its time limit of 0.1 s")
    }

    /// Steps that never check whether to stop still cannot take a cell past its time limit
    /// by more than one step: the next step does not start.
    @Test func aCellOverItsTimeLimitStopsBeforeItsNextStep() throws {
        let (repository, runner, lesson) = try lesson("""
            ```swift cell id=sleepy timeout=0.1
            sleepWithoutChecking(milliseconds: 300)
            sleepWithoutChecking(milliseconds: 300)
            ```

            """)
        defer { withExtendedLifetime(repository) {} }
        Self.sleepsRun.withLock { $0 = 0 }
        let executed = try runner.run(lesson: lesson)
        guard case .failed(let diagnostic) = executed.cells.first?.status else {
            Issue.record("the time limit was not enforced: \(String(describing: executed.cells.first?.status))")
            return
        }
        #expect(diagnostic.message == "cell 'sleepy' ran longer than its time limit of 0.1 s")
        #expect(Self.sleepsRun.withLock { $0 } == 1, "the second step did not start")
        #expect(try repository.entries().isEmpty, "nothing of the stopped cell is cached")
    }

    /// The cell's attribute wins over the lesson's default, which wins over the course-wide
    /// limit; the error's hint says where to give the cell more time.
    @Test(arguments: [
        (attribute: " timeout=0.1", lessonDefault: "defaults:\n  timeout: 100\n", courseWide: 100.0,
         hint: "raise the cell's 'timeout=' attribute, or make it do less work"),
        (attribute: "", lessonDefault: "defaults:\n  timeout: 0.1\n", courseWide: 100,
         hint: "raise 'timeout' under 'defaults' in the lesson's front matter, or give the cell its own 'timeout=' attribute"),
        (attribute: "", lessonDefault: "", courseWide: 0.1,
         hint: "run with a larger --timeout, or give the cell a 'timeout=' attribute"),
    ])
    func theMostSpecificTimeLimitApplies(attribute: String, lessonDefault: String, courseWide: Double, hint: String) throws {
        let (repository, runner, lesson) = try lesson("```swift cell id=slow\(attribute)\nwaitUntilStopped()\n```\n",
                                                      frontMatter: lessonDefault, timeLimit: courseWide)
        let executed = try runner.run(lesson: lesson)
        guard case .failed(let diagnostic) = executed.cells.first?.status else {
            Issue.record("the time limit was not enforced")
            return
        }
        #expect(diagnostic.message == "cell 'slow' ran longer than its time limit of 0.1 s")
        #expect(diagnostic.hint == hint)
        #expect(try repository.entries().isEmpty, "nothing of the stopped cell is cached")
    }

    @Test func seedsAreExplicitDefaultedOrDerivedFromLessonAndCell() throws {
        let (repository, runner, lesson) = try lesson("""
            ```swift cell id=explicit seed=42
            currentSeed()
            ```

            ```swift cell id=derived
            currentSeed()
            ```

            ```swift cell id=other
            currentSeed()
            ```

            """)
        defer { withExtendedLifetime(repository) {} }
        let executed = try runner.run(lesson: lesson)
        let seeds = executed.cells.map { $0.outputs.first.flatMap { if case .text(let text) = $0 { Int(text) } else { nil } } }
        #expect(seeds[0] == 42)
        #expect(seeds[1] == Int(truncatingIfNeeded: CellSeed.derived(slug: "failures", cellID: "derived")))
        #expect(seeds[1] != seeds[2])
        #expect(CellSeed.derived(slug: "failures", cellID: "derived") == CellSeed.derived(slug: "failures", cellID: "derived"))

        let (defaultRepository, defaultRunner, defaulted) = try self.lesson("```swift cell id=a\ncurrentSeed()\n```\n", frontMatter: "defaults:\n  seed: 9\n")
        defer { withExtendedLifetime(defaultRepository) {} }
        #expect(try defaultRunner.run(lesson: defaulted).cells.first?.outputs == [.text("9")])
    }

    @Test func anUnknownCellIsAnError() throws {
        let (repository, runner, lesson) = try lesson("```swift cell id=only\ncount(to: 1)\n```\n")
        defer { withExtendedLifetime(repository) {} }
        #expect(throws: DiagnosticError.self) { try runner.run(lesson: lesson, cell: "onyl") }
        do {
            _ = try runner.run(lesson: lesson, cell: "onyl")
        } catch {
            #expect(error.description == "Lessons/05-failures.md: error: no cell with id 'onyl'\n  hint: did you mean 'only'?")
        }
    }
}
