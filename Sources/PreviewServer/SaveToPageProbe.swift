import Foundation

/// How long a save takes to reach a served page: appends a sentence to a lesson file and
/// GETs the page until it holds that sentence. What `course-bench preview` times and the
/// preview's tests bound.
public struct SaveToPageProbe {
    /// The file the sentence is appended to.
    public var lesson: URL
    /// The page's path on the server: `/01-codes.html`.
    public var page: String
    public var port: UInt16

    public init(lesson: URL, page: String, port: UInt16) {
        (self.lesson, self.page, self.port) = (lesson, page, port)
    }

    /// Appends a sentence holding `marker` (a word that appears nowhere else) and returns the
    /// seconds until the page shows it; throws when it has not after `limit` seconds.
    public func secondsToShow(_ marker: String, limit: Double = 15) throws -> Double {
        let handle = try FileHandle(forWritingTo: lesson)
        try handle.seekToEnd()
        let start = Date()
        try handle.write(contentsOf: Data("\nThe preview shows \(marker) here.\n".utf8))
        try handle.close()
        while true {
            // A GET every 20 ms: often enough to time a save to within that.
            if let page = try? LoopbackClient.get(page, port: port), page.text.contains(marker) { return Date().timeIntervalSince(start) }
            let elapsed = Date().timeIntervalSince(start)
            if elapsed > limit { throw LoopbackClient.ClientError(description: "\(page) did not show '\(marker)' within \(limit) s of the save") }
            usleep(20_000)
        }
    }
}
