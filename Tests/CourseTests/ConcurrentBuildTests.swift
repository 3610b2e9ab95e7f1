import Foundation
import Testing

/// Two `course build`s of one course at once both finish with the right site and cache, and no
/// cell runs twice: a lesson's run holds the cache's lock, so the second build waits, says so,
/// and then takes the first one's results from the cache.
@Suite struct ConcurrentBuildTests {
    @Test func twoBuildsAtOnceBothSucceedAndEveryCellRunsOnce() throws {
        let reference = try SmallCourse()
        #expect(try reference.run(["build"]).status == 0)
        let site = try reference.siteSnapshot(), cache = try reference.cacheSnapshot()

        let course = try SmallCourse(data: reference.data)
        // The test holds the lock until both builds wait for it, so they surely overlap.
        try FileManager.default.createDirectory(at: course.cache, withIntermediateDirectories: true)
        let lock = open(course.cache.appendingPathComponent("lock").path, O_RDWR | O_CREAT, 0o644)
        try #require(lock >= 0 && flock(lock, LOCK_EX) == 0)
        _ = "process \(getpid()) (the test)\n".withCString { write(lock, $0, strlen($0)) }
        let builds = [try course.start(["build"]), try course.start(["build"])]
        let deadline = Date().addingTimeInterval(60)
        while !builds.allSatisfy({ $0.errorsSoFar.contains("waiting for process \(getpid()) (the test), which is running cells of this course") }),
              Date() < deadline {
            usleep(20_000)
        }
        close(lock)
        let results = builds.map { $0.wait() }

        for result in results {
            #expect(result.status == 0, "\(result.err)")
            #expect(result.err.contains("waiting for process \(getpid()) (the test)"), "\(result.err)")
        }
        // Between them the two builds ran each of the five cells once and took it once from the cache.
        let counts = results.map { result in
            result.out.firstMatch(of: #/: (\d+) cells ran, (\d+) cached, 0 failed/#).map { (Int($0.1)!, Int($0.2)!) } ?? (-1, -1)
        }
        #expect(counts.map(\.0).reduce(0, +) == 5 && counts.map(\.1).reduce(0, +) == 5, "\(results.map(\.out))")
        #expect(SmallCourse.differences(try course.siteSnapshot(), site) == [])
        #expect(SmallCourse.differences(try course.cacheSnapshot(), cache) == [])
        #expect(try FileManager.default.contentsOfDirectory(atPath: course.root.path).sorted() == [".course-cache", "Lessons", "course.yml", "site"])
    }
}
