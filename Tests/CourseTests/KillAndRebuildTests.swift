import Foundation
import Testing
import TestSupport

/// `course build` killed with SIGKILL at random moments, fifty times in a row, then run to the
/// end: the site and the cache are complete and the same as an uninterrupted build's. The
/// course starts with a site and an empty cache, and after every kill the site is a complete
/// one (the previous or a new one), never a mix.
@Suite struct KillAndRebuildTests {
    @Test func fiftyRandomKillsThenABuildGiveTheSiteAndCacheOfAnUninterruptedBuild() throws {
        let reference = try SmallCourse()
        let clock = ContinuousClock()
        // How long a build takes, from the cache or not: the span the kills are drawn from.
        var seconds: [Bool: Double] = [:]
        for fresh in [true, false] {
            let start = clock.now
            #expect(try reference.run(["build"]).status == 0)
            seconds[fresh] = Self.seconds(clock.now - start)
        }
        let site = try reference.siteSnapshot(), cache = try reference.cacheSnapshot()
        #expect(site.count == 12 && cache.count > 10, "the reference build wrote \(site.count) site and \(cache.count) cache files")

        let course = try SmallCourse(data: reference.data)
        #expect(try course.run(["build"]).status == 0)
        try FileManager.default.removeItem(at: course.cache)
        var random = SplitMix64(seed: 8)
        var kills = 0, builds = 0
        while kills < 50 && builds < 200 {
            builds += 1
            // Half the builds rerun every cell and so rewrite every cache entry; the others take
            // the cache and only write the site. Each is killed within its usual duration.
            let fresh = random.next() % 2 == 0
            let delay = seconds[fresh]! * Double.random(in: 0..<1, using: &random)
            let start = clock.now
            let build = try course.start(fresh ? ["build", "--fresh"] : ["build"])
            usleep(UInt32(delay * 1_000_000))
            kill(build.pid, SIGKILL)
            let result = build.wait()
            if result.wasKilled {
                kills += 1
            } else {
                #expect(result.status == 0, "an unkilled build failed: \(result.err)")
                // Builds got faster (the machine is less busy than when they were timed).
                seconds[fresh] = Self.seconds(clock.now - start)
            }
            #expect(SmallCourse.differences(try course.siteSnapshot(), site) == [], "after build \(builds) (\(kills) kills)")
        }
        #expect(kills == 50, "only \(kills) of \(builds) builds were killed before they finished")
        print("kill-and-rebuild: \(kills) of \(builds) builds killed")

        let final = try course.run(["build"])
        #expect(final.status == 0, "\(final.err)")
        #expect(SmallCourse.differences(try course.siteSnapshot(), site) == [])
        let differing = SmallCourse.differences(try course.cacheSnapshot(), cache)
        #expect(differing == [], "cache files that differ from the reference build's: \(differing)")
        // Nothing of the killed builds is left: no temporary site folder beside the site, no
        // temporary entry in the cache.
        #expect(try FileManager.default.contentsOfDirectory(atPath: course.root.path).sorted() == [".course-cache", "Lessons", "course.yml", "site"])
        let entries = try FileManager.default.contentsOfDirectory(atPath: course.cache.appendingPathComponent("entries").path)
        #expect(entries.filter { $0.hasPrefix(".") } == [])
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
    }
}
