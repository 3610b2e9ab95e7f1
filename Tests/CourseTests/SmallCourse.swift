import Datasets
import Foundation
import Testing
import TestSupport

/// A two-lesson course in a temporary folder whose cells take milliseconds, over a small
/// MNIST-format data set of its own, for tests that run the `course` binary many times: killed
/// builds, builds at once, builds that cannot write.
final class SmallCourse: Sendable {
    let folder: TemporaryFolder
    var root: URL { folder.url }
    /// The data folder the child processes read (as `COURSE_DATA_DIR`), shared by every
    /// course made from the same `data`, so their cache keys agree.
    let data: URL

    static let lessons = [
        "01-codes.md": """
            ---
            title: Codes
            summary: A tiny VAE on a few images.
            ---

            # Codes

            ```swift cell id=data
            let data = fashionMNIST(trainingLimit: 64)
            ```

            ```swift cell id=train caption="Loss per epoch"
            let vae = trainVAE(on: data, latentSize: 2, epochs: 1, batchSize: 32)
            ```

            ```swift cell id=recon
            showReconstructions(vae, of: data.test, count: 4)
            ```

            ```swift cell id=samples
            showSamples(vae, count: 4)
            ```

            """,
        "02-images.md": """
            ---
            title: Images
            summary: The first training images.
            ---

            ```swift cell id=data
            let data = fashionMNIST(trainingLimit: 32)
            showImages(data.train, count: 8)
            ```

            """,
    ]

    /// A course over the data folder `data`, or over a new one.
    init(data: URL? = nil) throws {
        folder = try TemporaryFolder("small-course")
        self.data = data ?? folder.url("data")
        if data == nil { try Self.writeData(to: self.data) }
        for (name, text) in Self.lessons { try write(text, to: "Lessons/" + name) }
        // Named, so that courses in different folders build the same site.
        try write("title: A small course\nsubtitle: Two lessons whose cells take milliseconds.\n", to: "course.yml")
    }

    /// Writes `text` to the file at `path` inside the course.
    func write(_ text: String, to path: String) throws {
        try folder.write(text, to: path)
    }

    var site: URL { root.appendingPathComponent("site") }
    var cache: URL { root.appendingPathComponent(".course-cache") }

    /// 64 training and 16 test images of 28 × 28 seeded noise, with labels, uncompressed.
    static func writeData(to folder: URL) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var generator = SplitMix64(seed: 42)
        func next() -> UInt8 { UInt8(truncatingIfNeeded: generator.next() >> 56) }
        for (split, count) in [("train", 64), ("t10k", 16)] {
            let images = IDXFile(dimensions: [count, 28, 28], payload: (0..<count * 784).map { _ in next() })
            let labels = IDXFile(dimensions: [count], payload: (0..<count).map { _ in next() % 10 })
            try images.write(to: folder.appendingPathComponent("\(split)-images-idx3-ubyte").path, compressed: false)
            try labels.write(to: folder.appendingPathComponent("\(split)-labels-idx1-ubyte").path, compressed: false)
        }
    }

    /// Starts `course ARGUMENTS --repository ROOT` (through `/bin/sh -c SHELL_PREFIX` when given,
    /// to set limits first), with its output in pipes; `binary` is another copy of `course`.
    func start(_ arguments: [String], shellPrefix: String? = nil, binary: URL? = nil) throws -> CourseProcess {
        let binary = try binary ?? #require(CommandTests.courseBinary(), "the course binary is built beside the tests")
        let process = Process()
        let all = arguments + ["--repository", root.path]
        if let shellPrefix {
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", shellPrefix + "; exec \"$0\" \"$@\"", binary.path] + all
        } else {
            process.executableURL = binary
            process.arguments = all
        }
        var environment = ProcessInfo.processInfo.environment
        environment["COURSE_DATA_DIR"] = data.path
        process.environment = environment
        process.currentDirectoryURL = root
        return try CourseProcess(process)
    }

    /// Runs `course ARGUMENTS` to the end.
    func run(_ arguments: [String], shellPrefix: String? = nil) throws -> CourseProcess.Result {
        try start(arguments, shellPrefix: shellPrefix).wait()
    }

    /// Every file of the site, with the line of each cell that says how long it ran and
    /// whether it came from the cache blanked: the one thing two correct builds may differ in.
    func siteSnapshot() throws -> [String: Data] {
        var files = try Self.files(under: site)
        for (path, data) in files where path.hasSuffix(".html") {
            let text = String(decoding: data, as: UTF8.self)
                .replacing(#/<span class="cell-status">.*?</span>/#, with: "<span class=\"cell-status\">…</span>")
            files[path] = Data(text.utf8)
        }
        return files
    }

    /// Every file of the cache but its lock, with the run times blanked (see `CacheSnapshot`).
    func cacheSnapshot() throws -> [String: Data] {
        try CacheSnapshot.normalized(Self.files(under: cache).filter { $0.key != "lock" })
    }

    /// The paths whose contents differ between two snapshots (present in only one, or not equal).
    static func differences(_ snapshot: [String: Data], _ expected: [String: Data]) -> [String] {
        Set(snapshot.keys).union(expected.keys).filter { snapshot[$0] != expected[$0] }.sorted()
    }

    /// Every regular file under `folder`, by path relative to it (hidden files included).
    static func files(under folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        guard let paths = FileManager.default.subpaths(atPath: folder.path) else { return [:] }
        for path in paths {
            var isFolder: ObjCBool = false
            let url = folder.appendingPathComponent(path)
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), !isFolder.boolValue {
                files[path] = try Data(contentsOf: url)
            }
        }
        return files
    }
}

/// A running `course` process and what it printed.
final class CourseProcess: Sendable {
    struct Result {
        var status: Int32
        /// Whether it ended by a signal (SIGKILL) rather than by exiting.
        var wasKilled: Bool
        var out: String
        var err: String
    }

    let process: Process
    // Read as the process writes, so a full pipe never blocks it, and so tests can watch.
    private let out = PipeReader(), err = PipeReader()

    init(_ process: Process) throws {
        self.process = process
        process.standardOutput = out.pipe
        process.standardError = err.pipe
        try process.run()
        out.start()
        err.start()
    }

    var pid: Int32 { process.processIdentifier }

    /// What it has written to standard error so far.
    var errorsSoFar: String { err.text }
    /// What it has written to standard output so far.
    var outputSoFar: String { out.text }

    func wait() -> Result {
        process.waitUntilExit()
        return Result(status: process.terminationStatus, wasKilled: process.terminationReason == .uncaughtSignal,
                      out: out.waitForEnd(), err: err.waitForEnd())
    }

    /// Collects what comes through a pipe, on a thread of its own.
    final class PipeReader: @unchecked Sendable {
        let pipe = Pipe()
        private let lock = NSLock()
        private var data = Data()
        private let ended = DispatchSemaphore(value: 0)

        func start() {
            Thread {
                while case let chunk = self.pipe.fileHandleForReading.availableData, !chunk.isEmpty {
                    self.lock.withLock { self.data += chunk }
                }
                self.ended.signal()
            }.start()
        }

        var text: String { lock.withLock { String(decoding: data, as: UTF8.self) } }

        func waitForEnd() -> String {
            ended.wait()
            ended.signal()
            return text
        }
    }
}
