import ArgumentParser
import Foundation
import LessonParser
import LessonRunner
import PreviewServer
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// `course preview [--port N] [--open]`: serves the course on 127.0.0.1 and rebuilds it as its
/// files are saved; the open pages reload themselves.
struct PreviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "preview",
        abstract: "Serve the course on 127.0.0.1, rerun the stale cells of a lesson when it is saved, and reload its open page.")

    @OptionGroup var repository: RepositoryOptions
    @OptionGroup var timeLimit: TimeLimitOption

    @Option(name: .long, help: "The port to listen on, on 127.0.0.1 (0: any free port, printed).")
    var port = 8000

    @Flag(name: .long, help: "Open the course in the browser (with xdg-open).")
    var open = false

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be a port number from 1 to 65535 (or 0 for any free port), not \(port)") }
    }

    func run() throws {
        // Unbuffered, so that what the preview prints shows at once in a pipe too.
        let console = Console(out: { FileHandle.standardOutput.write(Data(($0 + "\n").utf8)) })
        let status = try execute(console: console)
        if status != 0 { throw ExitCode(status) }
    }

    /// Serves until Ctrl-C (or SIGTERM), then returns 0; 1 when it cannot start.
    func execute(console: Console) throws -> Int32 {
        let root = try repository.root()
        let runner = try repository.runner(console: console, timeLimit: timeLimit)
        let server: HTTPServer
        do { server = try HTTPServer(port: UInt16(port)) } catch {
            console.err("error: cannot serve the preview: \(error)")
            switch error {
            case .portInUse: console.err("  hint: another program listens there (another 'course preview'?); choose another port with --port N, or --port 0 for any free one")
            case .portNotAllowed: console.err("  hint: choose a port from 1024 up with --port N")
            case .system: break
            }
            return 1
        }
        let binary = Self.executablePath()
        let library = runner.fingerprint.modules.keys.sorted().map { root.appendingPathComponent("Sources/\($0)") }
        let watcher: FileWatcher
        do {
            watcher = try FileWatcher(folders: [root.appendingPathComponent(LessonCatalog.folder)] + library,
                                      files: [root.appendingPathComponent("course.yml")] + (binary.map { [URL(fileURLWithPath: $0)] } ?? []))
        } catch {
            console.err("error: cannot watch the course's files: \(error)")
            return 1
        }

        let changes = Mutex<Set<String>>([]), stopping = Atomic<Bool>(false), wake = DispatchSemaphore(value: 0)
        InterruptSignal.onFirst {
            stopping.store(true, ordering: .releasing)
            runner.stop()
            wake.signal()
        }
        watcher.start { paths in
            changes.withLock { $0.formUnion(paths) }
            wake.signal()
        }
        defer {
            watcher.stop()
            server.stop()
        }

        let site = PreviewSite(events: server.events)
        var builder = try PreviewBuilder(repository: repository, runner: runner, console: console)
        var notices = RepositoryOptions.rebuildWarning(runner).map { [Self.notice($0, binary: binary)] } ?? []
        func rebuild() {
            let result = builder.rebuild { stopping.load(ordering: .acquiring) }
            guard !stopping.load(ordering: .acquiring) else { return }
            site.replace { generation in
                PreviewPages.decorate(result.files, pages: result.pages, courseProblems: result.courseProblems, notices: notices, generation: generation)
            }
        }
        rebuild()
        guard !stopping.load(ordering: .acquiring) else { return Self.stopped(console) }
        server.serve(site.answer)
        let url = "http://127.0.0.1:\(server.port)/"
        console.out("serving the course at \(url) (Ctrl-C stops)")
        if open { Self.openBrowser(url, console: console) }

        while true {
            wake.wait()
            if stopping.load(ordering: .acquiring) { return Self.stopped(console) }
            let changed = changes.withLock { changed in defer { changed = [] }; return changed }
            guard !changed.isEmpty else { continue }
            if let binary, changed.contains(binary) {
                Self.restart(binary: binary, port: server.port, console: console, before: { watcher.stop(); server.stop() })
            }
            if changed.contains(where: { path in library.contains { path.hasPrefix($0.path + "/") } }) {
                let warning = RepositoryOptions.rebuildWarning(runner)
                let now = warning.map { [Self.notice($0, binary: binary)] } ?? []
                if now != notices {
                    console.err(warning.map { "warning: " + $0 } ?? "the library's sources are again those this course binary was built from")
                    notices = now
                }
            }
            let at = ContinuousClock.now
            rebuild()
            if stopping.load(ordering: .acquiring) { return Self.stopped(console) }
            console.out(String(format: "updated the preview in %.2f s (%@)", Double((ContinuousClock.now - at).components.attoseconds) / 1e18
                                   + Double((ContinuousClock.now - at).components.seconds), Self.describe(changed, root: root)))
        }
    }

    /// What the page says when the library's sources are not those the binary was built from.
    static func notice(_ warning: String, binary: String?) -> String {
        warning + (binary.map { "; the preview restarts by itself when \($0) is rebuilt" } ?? "")
    }

    private static func stopped(_ console: Console) -> Int32 {
        console.out("stopped the preview")
        return 0
    }

    /// `Lessons/01-codes.md`, or `3 files`.
    private static func describe(_ paths: Set<String>, root: URL) -> String {
        guard paths.count == 1, let path = paths.first else { return "\(paths.count) files" }
        return path.hasPrefix(root.path + "/") ? String(path.dropFirst(root.path.count + 1)) : path
    }

    /// This program's file, to watch for a rebuild.
    static func executablePath() -> String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        guard count > 0 else { return nil }
        return String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Runs the rebuilt binary in this process's place, on the same port: it builds with the new
    /// library (the cells that use what changed are stale under its fingerprint), and the open
    /// pages reconnect to it and reload.
    static func restart(binary: String, port: UInt16, console: Console, before: () -> Void) -> Void {
        console.out("\(binary) was rebuilt: restarting the preview on it")
        before()
        var arguments = Array(CommandLine.arguments.dropFirst())
        // The port this one listens on, so that the pages find the new one (`--port 0` chose it).
        if let index = arguments.firstIndex(where: { $0 == "--port" }), index + 1 < arguments.count {
            arguments.removeSubrange(index...index + 1)
        }
        arguments.removeAll { $0.hasPrefix("--port=") || $0 == "--open" }
        arguments += ["--port", "\(port)"]
        let argv = ([binary] + arguments).map { strdup($0) } + [nil]
        execv(binary, argv)
        console.err("error: cannot start \(binary): \(String(cString: strerror(errno))); restart 'course preview' yourself")
        Glibc.exit(1)
    }

    /// Opens `url` with xdg-open, or says to open it.
    static func openBrowser(_ url: String, console: Console) {
        guard let opener = DoctorReport.find("xdg-open", environment: ProcessInfo.processInfo.environment) else {
            console.out("no xdg-open here: open \(url) in a browser")
            return
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: opener)
        process.arguments = [url]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { console.out("xdg-open did not start (\(error)): open \(url) in a browser") }
    }
}
