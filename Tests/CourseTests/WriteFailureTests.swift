import Foundation
import Testing

/// A build that cannot write — the disk is full, the output folder cannot be made — fails with
/// an error naming the file and a hint, exits non-zero, and leaves the previous site as it was.
///
/// Tests run as root, for whom permissions do not stop a write, so a full disk is made by
/// limiting the size of any file the build writes (`ulimit -f`, with SIGXFSZ ignored so that a
/// write past the limit fails with EFBIG as on a full disk), and an unwritable folder by a
/// regular file where a folder should be.
@Suite struct WriteFailureTests {
    /// `ulimit -f` counts blocks of 512 bytes: 8 blocks let the small files through (the lock,
    /// the index page) and stop the larger ones (the lesson pages, the checkpoints).
    static let fullDisk = "trap '' XFSZ; ulimit -f 8"

    @Test func aFullDiskFailsTheBuildNamingTheFileAndLeavesThePreviousSite() throws {
        let course = try SmallCourse()
        #expect(try course.run(["build"]).status == 0)
        let site = try SmallCourse.files(under: course.site)
        let cache = try course.cacheSnapshot()
        // A new summary, so the build that fails would have written a different site.
        let lesson = course.root.appendingPathComponent("Lessons/02-images.md")
        try Data(try String(contentsOf: lesson, encoding: .utf8).replacingOccurrences(of: "The first training images.", with: "Changed.").utf8).write(to: lesson)

        // --fresh: every cell runs again, so the cache's writes meet the full disk too.
        let result = try course.run(["build", "--fresh"], shellPrefix: Self.fullDisk)
        #expect(result.status == 1)
        #expect(result.err.contains("warning: cannot cache cell 'train': File too large"), "\(result.err)")
        #expect(result.err.contains("""
            \(course.site.path)/01-codes.html: error: cannot write the site: File too large
              hint: free some disk space or choose another --out folder; the previous site is unchanged
            """), "\(result.err)")
        #expect(SmallCourse.differences(try SmallCourse.files(under: course.site), site) == [])
        #expect(SmallCourse.differences(try course.cacheSnapshot(), cache) == [])
        #expect(try FileManager.default.contentsOfDirectory(atPath: course.root.path).sorted() == [".course-cache", "Lessons", "course.yml", "data", "site"])
        let entries = try FileManager.default.contentsOfDirectory(atPath: course.cache.appendingPathComponent("entries").path)
        #expect(entries.filter { $0.hasPrefix(".") } == [])
    }

    @Test func anOutputFolderThatCannotBeMadeFailsTheBuildAndLeavesThePreviousSite() throws {
        let course = try SmallCourse()
        #expect(try course.run(["build"]).status == 0)
        let site = try SmallCourse.files(under: course.site)
        let lesson = course.root.appendingPathComponent("Lessons/01-codes.md")
        let lessonBytes = try Data(contentsOf: lesson)

        let result = try course.run(["build", "--out", lesson.path + "/site"])
        #expect(result.status == 1)
        #expect(result.err == """
            \(lesson.path): error: cannot create the folder the site goes in: File exists
              hint: choose an --out folder whose parent folders can be created; nothing was written

            """, "\(result.err)")
        #expect(try Data(contentsOf: lesson) == lessonBytes)
        #expect(SmallCourse.differences(try SmallCourse.files(under: course.site), site) == [])
    }
}
