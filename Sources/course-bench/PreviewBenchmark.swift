import Foundation
import PreviewServer

/// Seconds from saving a lesson to `course preview` serving its page with the change: a copy
/// of the course (its lessons, `course.yml` and cache) is previewed on a free port, a sentence
/// is appended to one lesson `saves` times, and each time the page is fetched every 20 ms until
/// it holds the sentence. Each save must also reach the open page as a `change` event naming it.
enum PreviewBenchmark {
    struct Result: Encodable {
        let course, lesson: String
        let saves: Int
        let medianSeconds, maxSeconds, minSeconds: Double
        let samplesSeconds: [Double]
    }

    static func run(course: String, repository: String, lesson name: String?, saves: Int) throws -> Result {
        guard FileManager.default.isExecutableFile(atPath: course) else {
            throw BenchError("no course binary at \(course)", hint: "build it with 'swift build -c release --product course', or pass --course")
        }
        let copy = try copyOfCourse(repository)
        defer { try? FileManager.default.removeItem(at: copy) }
        let lessons = try FileManager.default.contentsOfDirectory(atPath: copy.appendingPathComponent("Lessons").path).filter { $0.hasSuffix(".md") }.sorted()
        guard let file = name.map({ $0.hasSuffix(".md") ? $0 : $0 + ".md" }) ?? lessons.first, lessons.contains(file) else {
            throw BenchError("no lesson file \(name ?? "") in \(repository)/Lessons", hint: "name one of: " + lessons.joined(separator: ", "))
        }

        let process = Process()
        process.executableURL = URL(fileURLWithPath: course)
        process.arguments = ["preview", "--port", "0", "--repository", copy.path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.standardError
        try process.run()
        defer { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
        // Everything the preview prints is read, so it never blocks on a full pipe.
        let port = try servingPort(from: output.fileHandleForReading)
        Thread { while !output.fileHandleForReading.availableData.isEmpty {} }.start()

        let page = "/" + file.dropLast(3) + ".html"
        let events = try LoopbackClient.EventStream("/_preview/events", port: port)
        _ = try events.nextEvent(timeout: 5)
        let probe = SaveToPageProbe(lesson: copy.appendingPathComponent("Lessons/" + file), page: page, port: port)
        var samples: [Double] = []
        for save in 0..<saves {
            samples.append(try probe.secondsToShow("benchmark\(save)mark\(UInt32.random(in: 0...UInt32.max))", limit: 300))
            guard let event = try events.nextEvent(timeout: 5), event.name == "change", event.data.split(separator: "\n").contains(page.dropFirst()) else {
                throw BenchError("the save reached the page but no change event named \(page)", hint: nil)
            }
        }
        kill(process.processIdentifier, SIGINT)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw BenchError("course preview exited with \(process.terminationStatus) on Ctrl-C", hint: nil) }
        let sorted = samples.sorted()
        return Result(course: course, lesson: file, saves: saves, medianSeconds: rounded(median(samples)), maxSeconds: rounded(sorted.last!),
                      minSeconds: rounded(sorted.first!), samplesSeconds: samples.map(rounded))
    }

    /// The port from the line `serving the course at http://127.0.0.1:PORT/`, read as it comes.
    static func servingPort(from output: FileHandle) throws -> UInt16 {
        var text = ""
        while case let chunk = output.availableData, !chunk.isEmpty {
            text += String(decoding: chunk, as: UTF8.self)
            if let match = text.firstMatch(of: #/serving the course at http://127\.0\.0\.1:(\d+)//#), let port = UInt16(match.1) { return port }
        }
        throw BenchError("course preview ended before serving:\n\(text)", hint: "run 'course build' first: the preview should start from a warm cache")
    }

    /// A temporary copy of the course's lessons, `course.yml`, sources (lessons include them) and
    /// cache (hard links where it can: the cache is large, and its files are replaced, never
    /// written in place; but not its lock, which the copy's runs take for themselves).
    static func copyOfCourse(_ repository: String) throws -> URL {
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("preview-bench-\(getpid())")
        try FileManager.default.createDirectory(at: copy, withIntermediateDirectories: true)
        for name in ["Lessons", "course.yml", "Sources", ".course-cache"] {
            let source = URL(fileURLWithPath: repository).appendingPathComponent(name).path
            guard FileManager.default.fileExists(atPath: source) else { continue }
            if name == ".course-cache", shell(["cp", "-al", source, copy.path]) {
                try? FileManager.default.removeItem(at: copy.appendingPathComponent(".course-cache/lock"))
                continue
            }
            guard shell(["cp", "-a", source, copy.path]) else { throw BenchError("cannot copy \(source)", hint: nil) }
        }
        return copy
    }

    private static func shell(_ arguments: [String]) -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }

    private static func rounded(_ seconds: Double) -> Double { (seconds * 1000).rounded() / 1000 }
}
