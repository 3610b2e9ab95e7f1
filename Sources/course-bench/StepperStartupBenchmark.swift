import Foundation

/// Time to the terminal stepper's first frame: `course step LESSON --exit-after-first-frame`
/// started on a pseudo-terminal, timed from its spawn until the key legend that ends the first
/// frame has been written, as a learner would see it.
enum StepperStartupBenchmark {
    struct Lesson: Encodable {
        let lesson: String
        /// Cells `course list` reported stale before timing (0: the cache was warm); nil when
        /// the lesson was not named by its number.
        let staleCells: Int?
        let medianMilliseconds: Double
        let maxMilliseconds: Double
        let minMilliseconds: Double
        let samplesMilliseconds: [Double]
    }

    struct Result: Encodable {
        let course: String
        let terminal: String
        let runs: Int
        let lessons: [Lesson]
    }

    /// What ends the first frame: the last entry of the key legend.
    static let legendEnd = " quit"
    static let columns = 100, rows = 30

    static func run(course: String, repository: String, lessons: [String], runs: Int) throws -> Result {
        guard FileManager.default.isExecutableFile(atPath: course) else {
            throw BenchError("no course binary at \(course)", hint: "build it with 'swift build -c release --product course', or pass --course")
        }
        var environment = ProcessInfo.processInfo.environment
        for name in ["NO_COLOR", "TMUX", "COLUMNS", "LINES"] { environment[name] = nil }
        environment["TERM"] = "xterm-256color"
        environment["COLORTERM"] = "truecolor"
        let stale = try staleCells(course: course, repository: repository)
        let names = lessons.isEmpty ? stale.keys.sorted { Int($0)! < Int($1)! } : lessons
        var results: [Lesson] = []
        for lesson in names {
            let arguments = ["step", lesson, "--repository", repository, "--exit-after-first-frame"]
            func once() throws -> Double {
                let run = try PseudoTerminalRun.run(course, arguments, environment: environment, columns: columns, rows: rows, marker: legendEnd)
                guard run.status == 0, let milliseconds = run.markerMilliseconds else {
                    throw BenchError("course step \(lesson) exited with status \(run.status) before its first frame:\n\(run.output)", hint: nil)
                }
                return milliseconds
            }
            // One untimed run first, so every timed run finds the files in the page cache.
            _ = try once()
            let samples = try (0..<runs).map { _ in try once() }
            let sorted = samples.sorted()
            results.append(Lesson(
                lesson: lesson, staleCells: stale[lesson],
                medianMilliseconds: rounded(sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2),
                maxMilliseconds: rounded(sorted.last!), minMilliseconds: rounded(sorted.first!),
                samplesMilliseconds: samples.map { rounded($0) }))
        }
        return Result(course: course, terminal: "\(columns)x\(rows) xterm-256color, 24-bit color", runs: runs, lessons: results)
    }

    /// The number of stale cells in each lesson, by lesson number, from `course list`.
    private static func staleCells(course: String, repository: String) throws -> [String: Int] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: course)
        process.arguments = ["list", "--repository", repository]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw BenchError("course list exited with status \(process.terminationStatus)", hint: "run 'course check'") }
        var counts: [String: Int] = [:]
        var lesson: String?
        // Lesson lines start with the path (`Lessons/04-gans.md  Title`), cell lines with spaces.
        for line in text.split(separator: "\n") {
            if !line.hasPrefix(" ") {
                let file = (String(line.split(separator: " ")[0]) as NSString).lastPathComponent
                let number = Int(file.prefix { $0.isNumber }).map(String.init)
                lesson = number
                if let number { counts[number] = 0 }
            } else if let lesson, line.split(separator: " ").dropFirst().first == "stale" {
                counts[lesson, default: 0] += 1
            }
        }
        return counts
    }
}
