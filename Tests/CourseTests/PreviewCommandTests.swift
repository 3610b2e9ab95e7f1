import Foundation
import PreviewServer
import Testing
import TestSupport

/// `course preview` as a child process on loopback, over a temporary copy of the small
/// course: real HTTP, real saves, real signals.
@Suite struct PreviewCommandTests {
    /// A save reaches the served page within 15 s (a correctness bound; `course-bench preview`
    /// measures the speed), and the open page hears of it on the event stream; the pages hold
    /// the reload script, the site `course build` writes does not; Ctrl-C ends it with 0.
    @Test func aSaveReachesTheServedPageAndItsEventStream() throws {
        let course = try SmallCourse()
        let preview = try Preview(course)
        let page = try LoopbackClient.get("/01-codes.html", port: preview.port)
        #expect(page.status == 200 && page.head.contains("text/html"))
        #expect(page.text.contains("new EventSource(\"/_preview/events\")"), "the page holds the reload script")
        #expect(try LoopbackClient.get("/", port: preview.port).text.contains("/_preview/events"), "the home page too")
        #expect(try LoopbackClient.get("/style.css", port: preview.port).head.contains("text/css"))
        #expect(try LoopbackClient.get("/02-nothing.html", port: preview.port).status == 404)

        let events = try LoopbackClient.EventStream("/_preview/events", port: preview.port)
        let hello = try #require(try events.nextEvent(timeout: 10))
        #expect(hello.name == "hello")
        let probe = SaveToPageProbe(lesson: course.root.appendingPathComponent("Lessons/01-codes.md"), page: "/01-codes.html", port: preview.port)
        var seconds: [Double] = []
        for save in 0..<3 {
            seconds.append(try probe.secondsToShow("sentence\(save)marker", limit: 15))
            let change = try #require(try events.nextEvent(timeout: 10), "a change event after save \(save)")
            #expect(change.name == "change" && change.data.split(separator: "\n").contains("01-codes.html"), "\(change)")
            #expect(!change.data.split(separator: "\n").contains("02-images.html"), "only the saved lesson's page changed: \(change)")
        }
        print("preview: a save reached the served page in \(seconds.map { String(format: "%.2f s", $0) }.joined(separator: ", "))"
              + String(format: "; median %.2f s", seconds.sorted()[1]))
        #expect(preview.process.outputSoFar.contains("updated the preview in"))

        // The published site, built beside the running preview, has no trace of it.
        let build = try course.run(["build"])
        #expect(build.status == 0, "\(build.err)")
        for name in ["index.html", "01-codes.html", "02-images.html"] {
            let html = try String(contentsOf: course.site.appendingPathComponent(name), encoding: .utf8)
            #expect(!html.contains("_preview") && !html.contains("EventSource") && !html.contains("preview-"), "\(name) of the published site")
        }
        #expect(try String(contentsOf: course.site.appendingPathComponent("01-codes.html"), encoding: .utf8).contains("sentence2marker"))

        let stopped = preview.interrupt()
        #expect(stopped.status == 0 && !stopped.wasKilled, "\(stopped.err)")
        #expect(stopped.out.contains("stopped the preview"))
    }

    /// An error in a lesson's file shows in its page, located and with its hint, above its last
    /// good render; so does a failing cell; fixing the file clears it.
    @Test func aLessonErrorShowsLocatedAboveTheLastGoodRenderUntilFixed() throws {
        let course = try SmallCourse()
        let preview = try Preview(course)
        let good = SmallCourse.lessons["01-codes.md"]!
        try course.write(good.replacingOccurrences(of: "epochs: 1", with: "epoch: 1") + "\nA sentence of the broken file.\n", to: "Lessons/01-codes.md")
        let broken = try preview.waitForPage("/01-codes.html") { $0.contains("class=\"preview-problems\"") }
        #expect(broken.contains(#/Lessons/01-codes\.md:13:45: error: unknown argument label (&#39;|')epoch(&#39;|')/#), "\(broken)")
        #expect(broken.contains("hint: did you mean"))
        #expect(broken.contains("1 error in Lessons/01-codes.md; below, its last render without errors"))
        // Below it the last good render: its figures, and not the broken file's new sentence.
        #expect(broken.contains("<img") && !broken.contains("A sentence of the broken file"))
        let problemsAt = try #require(broken.range(of: "class=\"preview-problems\"")), mainAt = try #require(broken.range(of: "<main"))
        #expect(problemsAt.lowerBound < mainAt.lowerBound, "the problem is above the page")
        #expect(try LoopbackClient.get("/", port: preview.port).text.contains("Lessons with problems"))
        #expect(!(try LoopbackClient.get("/02-images.html", port: preview.port).text.contains("class=\"preview-problems\"")), "the other lesson is fine")

        // A cell that fails when it runs: a batch larger than the 64 training images.
        try course.write(good + "\n```swift cell id=large\nlet large = trainVAE(on: data, latentSize: 2, epochs: 1, batchSize: 1000)\n```\n", to: "Lessons/01-codes.md")
        let failed = try preview.waitForPage("/01-codes.html") { $0.contains("a batch of 1000 images is larger than the 64 training images") }
        #expect(failed.contains("Lessons/01-codes.md:25:") && failed.contains("class=\"preview-problems\""), "\(failed)")

        try course.write(good + "\nA sentence of the fixed file.\n", to: "Lessons/01-codes.md")
        let fixed = try preview.waitForPage("/01-codes.html") { $0.contains("A sentence of the fixed file") }
        #expect(!fixed.contains("class=\"preview-problems\""))
        #expect(preview.interrupt().status == 0)
    }

    /// An edit of the library's sources is said in the terminal and on every page (the binary
    /// runs the code it was built from), and unsaid when the edit is undone; when the binary is
    /// rebuilt, the preview restarts on it, on the same port, and still stops with 0 on Ctrl-C.
    @Test func aLibraryEditAsksForARebuildAndARebuiltBinaryTakesOver() throws {
        let course = try SmallCourse()
        let library = course.root.appendingPathComponent("Sources/NeuralNetworks")
        try FileManager.default.createDirectory(at: library.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: PackageRoot.url.appendingPathComponent("Sources/NeuralNetworks"), to: library)
        // A copy of the binary, to rebuild (replace) without touching the one the tests share.
        let built = try #require(CommandTests.courseBinary())
        let binary = course.root.appendingPathComponent("course")
        try FileManager.default.copyItem(at: built, to: binary)
        let preview = try Preview(course, binary: binary)
        #expect(!(try LoopbackClient.get("/01-codes.html", port: preview.port).text.contains("class=\"preview-notice\"")))

        let file = library.appendingPathComponent("VAE.swift")
        let original = try String(contentsOf: file, encoding: .utf8)
        try (original + "\n// an edit\n").write(to: file, atomically: false, encoding: .utf8)
        let notice = try preview.waitForPage("/02-images.html") { $0.contains("class=\"preview-notice\"") }
        #expect(notice.contains("Sources/NeuralNetworks changed since this course binary was built; rebuild it"), "\(notice)")
        #expect(preview.process.errorsSoFar.contains("warning: Sources/NeuralNetworks changed since this course binary was built"))
        try original.write(to: file, atomically: false, encoding: .utf8)
        _ = try preview.waitForPage("/02-images.html") { !$0.contains("class=\"preview-notice\"") }

        // A rebuild replaces the binary: the preview runs the new one in its place.
        let events = try LoopbackClient.EventStream("/_preview/events", port: preview.port)
        _ = try events.nextEvent(timeout: 10)
        try FileManager.default.copyItem(at: built, to: course.root.appendingPathComponent("course.new"))
        #expect(rename(course.root.appendingPathComponent("course.new").path, binary.path) == 0)
        let deadline = Date().addingTimeInterval(60)
        while !preview.process.outputSoFar.contains("was rebuilt: restarting the preview on it"), Date() < deadline { usleep(50_000) }
        // The open page's stream ends; a new one says hello from the restarted preview.
        #expect(try events.nextEvent(timeout: 30) == nil)
        while Date() < deadline, (try? LoopbackClient.get("/01-codes.html", port: preview.port))?.status != 200 { usleep(50_000) }
        let again = try LoopbackClient.EventStream("/_preview/events", port: preview.port)
        #expect(try again.nextEvent(timeout: 10)?.name == "hello")
        let stopped = preview.interrupt()
        #expect(stopped.status == 0, "\(stopped.err)")
        #expect(stopped.out.components(separatedBy: "serving the course at http://127.0.0.1:\(preview.port)/").count == 3, "\(stopped.out)")
    }

    /// A port another program listens on: a clear error with a hint, and a non-zero exit.
    @Test func aPortInUseIsAClearErrorWithAHint() throws {
        let course = try SmallCourse()
        let other = try HTTPServer(port: 0)
        defer { other.stop() }
        let result = try course.run(["preview", "--port", "\(other.port)"])
        #expect(result.status == 1)
        #expect(result.err.contains("error: cannot serve the preview: port \(other.port) on 127.0.0.1 is in use"), "\(result.err)")
        #expect(result.err.contains("hint:") && result.err.contains("--port"), "\(result.err)")
    }

    /// Ctrl-C while a cell trains stops the cell (nothing of it cached) and the server, with 0.
    @Test func ctrlCStopsARunningCellAndTheServer() throws {
        let course = try SmallCourse()
        try course.write("""
            ---
            title: Long
            summary: A cell that trains for a long time.
            ---

            ```swift cell id=data
            let data = fashionMNIST(trainingLimit: 64)
            ```

            ```swift cell id=long
            let vae = trainVAE(on: data, latentSize: 2, epochs: 200, batchSize: 1)
            ```

            """, to: "Lessons/03-long.md")
        let process = try course.start(["preview", "--port", "0"])
        let deadline = Date().addingTimeInterval(300)
        while !process.outputSoFar.contains("running cell long"), Date() < deadline, process.process.isRunning { usleep(20_000) }
        #expect(process.outputSoFar.contains("running cell long"), "\(process.outputSoFar)")
        usleep(300_000)
        let sent = Date()
        kill(process.pid, SIGINT)
        let result = process.wait()
        #expect(Date().timeIntervalSince(sent) < 30, "it stopped within 30 s of Ctrl-C")
        #expect(result.status == 0 && !result.wasKilled, "\(result.err)")
        #expect(result.out.contains("cell long: interrupted"), "\(result.out)")
        #expect(result.out.contains("stopped the preview"), "\(result.out)")
        #expect(!result.out.contains("serving the course"), "stopped before serving")
    }
}

/// `course preview --port 0` on a course, started and waited for until it serves.
private struct Preview {
    let process: CourseProcess
    let port: UInt16

    init(_ course: SmallCourse, binary: URL? = nil) throws {
        process = try course.start(["preview", "--port", "0"], binary: binary)
        let deadline = Date().addingTimeInterval(300)
        var port: UInt16?
        while port == nil, Date() < deadline, process.process.isRunning {
            port = process.outputSoFar.firstMatch(of: #/serving the course at http://127\.0\.0\.1:(\d+)//#).flatMap { UInt16($0.1) }
            usleep(20_000)
        }
        self.port = try #require(port, "the preview serves: \(process.outputSoFar)\n\(process.errorsSoFar)")
    }

    /// The page at `path` once `condition` holds for it (within 15 s).
    func waitForPage(_ path: String, until condition: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(15)
        var text = ""
        while Date() < deadline {
            text = (try? LoopbackClient.get(path, port: port).text) ?? ""
            if condition(text) { return text }
            usleep(50_000)
        }
        Issue.record("\(path) did not change as expected within 15 s; it is:\n\(text)\nthe preview printed:\n\(process.outputSoFar)\n\(process.errorsSoFar)")
        return text
    }

    /// Sends Ctrl-C and waits for the end.
    func interrupt() -> CourseProcess.Result {
        kill(process.pid, SIGINT)
        return process.wait()
    }
}
