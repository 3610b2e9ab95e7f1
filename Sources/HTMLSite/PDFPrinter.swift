import AtomicFiles
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Prints a page of the site to PDF with headless Chromium, as a reader's "Save as PDF" would:
/// with the style sheet's print rules, whose `@page` margin boxes number the pages (Chromium's
/// own header and footer, with the file's path and the date, are turned off).
///
/// Chromium runs with a profile of its own in a temporary folder, and no host name resolves,
/// so it reads nothing but the site and leaves nothing behind.
public struct PDFPrinter: Sendable {
    /// The browser's executable.
    public var executable: String
    /// How long printing may take before the browser is stopped.
    public var timeout: Double = 300

    /// The names the browser goes by on `PATH`, in the order they are looked for.
    public static let browserNames = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"]

    /// A printer using `executable`.
    public init(executable: String) {
        self.executable = executable
    }

    /// A printer using the first of ``browserNames`` on `path` (a `PATH`-style list of
    /// folders); throws a ``SiteError`` with an install hint when there is none.
    public static func find(onPath path: String = ProcessInfo.processInfo.environment["PATH"] ?? "") throws -> PDFPrinter {
        let folders = path.split(separator: ":").map(String.init)
        for name in browserNames {
            for folder in folders {
                let candidate = URL(fileURLWithPath: folder).appendingPathComponent(name).path
                if FileManager.default.isExecutableFile(atPath: candidate) { return PDFPrinter(executable: candidate) }
            }
        }
        throw SiteError("cannot print the PDF: Chromium is not installed (no \(browserNames.joined(separator: ", ")) on PATH)",
                        hint: "install it (apt-get install chromium) and build again; the site was written without the PDF")
    }

    /// Prints `page` (a file of a site) to `pdf`, which appears complete or not at all;
    /// returns the PDF's size in bytes.
    @discardableResult
    public func print(_ page: URL, to pdf: URL) throws -> Int {
        let manager = FileManager.default
        let folder = pdf.deletingLastPathComponent()
        let output = AtomicFile.temporaryURL(in: folder)
        let profile = manager.temporaryDirectory.appendingPathComponent("course-pdf-profile-\(UUID().uuidString)")
        defer {
            try? manager.removeItem(at: output)
            try? manager.removeItem(at: profile)
        }
        var arguments = [
            "--headless=new", "--disable-gpu", "--no-first-run", "--no-default-browser-check", "--disable-extensions",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--host-resolver-rules=MAP * ~NOTFOUND", "--user-data-dir=\(profile.path)",
            "--no-pdf-header-footer", "--print-to-pdf=\(output.path)",
        ]
        // Chromium refuses to run as root with its sandbox on; containers often run as root.
        if geteuid() == 0 { arguments.append("--no-sandbox") }
        arguments.append(page.standardizedFileURL.absoluteString)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let messages = Pipe()
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = messages
        process.standardError = messages
        let ended = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in ended.signal() }
        do {
            try process.run()
        } catch {
            throw SiteError("cannot start Chromium to print the PDF: \(error.fileSystemReason)", path: executable,
                            hint: "check that Chromium runs (\(executable) --version); the site was written without the PDF")
        }
        // Read while it runs, so a chatty browser never blocks on a full pipe.
        let log = LogCollector(messages.fileHandleForReading)
        if ended.wait(timeout: .now() + timeout) == .timedOut {
            process.terminate()
            process.waitUntilExit()
            throw SiteError("Chromium did not finish printing the PDF in \(Int(timeout)) s", path: pdf.path,
                            hint: "the site was written without the PDF; try again, or print \(page.lastPathComponent) from a browser")
        }
        let text = log.waitForEnd()
        let bytes = (try? Data(contentsOf: output, options: .alwaysMapped)) ?? Data()
        guard process.terminationStatus == 0, bytes.starts(with: Array("%PDF".utf8)) else {
            let lastLines = text.split(separator: "\n").suffix(5).joined(separator: "\n")
            throw SiteError("Chromium could not print the PDF (exit status \(process.terminationStatus))\(lastLines.isEmpty ? "" : ":\n" + lastLines)",
                            path: pdf.path, hint: "the site was written without the PDF; check that \(executable) --version runs")
        }
        do {
            try AtomicFile.rename(output, to: pdf)
        } catch {
            throw SiteError("cannot write the PDF: \(error.fileSystemReason)", path: pdf.path,
                            hint: "free some disk space; the site was written without the PDF")
        }
        return bytes.count
    }

    /// Everything a pipe carries until it closes, read on a thread of its own.
    private final class LogCollector: @unchecked Sendable {
        private var data = Data()
        private let done = DispatchSemaphore(value: 0)

        init(_ handle: FileHandle) {
            Thread { [self] in
                data = handle.readDataToEndOfFile()
                done.signal()
            }.start()
        }

        func waitForEnd() -> String {
            done.wait()
            return String(decoding: data, as: UTF8.self)
        }
    }
}
