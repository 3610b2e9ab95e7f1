import AtomicFiles
import Foundation
import Outputs
import Synchronization

/// The ambient display sink steps show their results through, like a notebook's display hook.
///
/// The lesson runner wraps each cell in ``capture(_:)`` and keeps the items as the cell's
/// outputs. Outside any capture (a plain program calling the library), ``show(_:)`` prints text,
/// tables and metrics to standard output and writes figures as files into ``figureFolder``
/// (the current directory by default), printing their paths.
///
/// A capture belongs to the task (or thread) that started it: items go to the innermost capture
/// of the code showing them, so captures on different tasks — two test cases, two lessons —
/// never see each other's items. Work a step hands to other threads must show its items from
/// the step's own thread.
public enum Display {
    private struct State {
        var figureFolder: String?
        var figuresWritten = 0
    }

    /// The items of one capture; shown items are appended behind a lock.
    private final class Capture: Sendable {
        let items = Mutex<[DisplayItem]>([])
    }

    @TaskLocal private static var activeCapture: Capture?

    private static let state = Mutex(State())

    /// Where figures shown outside a capture are written (nil: the current directory).
    public static var figureFolder: String? {
        get { state.withLock { $0.figureFolder } }
        set { state.withLock { $0.figureFolder = newValue } }
    }

    /// Runs `body`, collecting every item shown meanwhile instead of printing it.
    ///
    /// Captures nest: an inner capture keeps its items to itself, and the outer one resumes
    /// collecting when it ends, also when `body` throws (its items are then dropped).
    public static func capture<Result, Failure: Error>(_ body: () throws(Failure) -> Result) throws(Failure) -> (result: Result, items: [DisplayItem]) {
        let capture = Capture()
        let outcome: Swift.Result<Result, Failure> = $activeCapture.withValue(capture) {
            do throws(Failure) { return .success(try body()) } catch { return .failure(error) }
        }
        return (try outcome.get(), capture.items.withLock { $0 })
    }

    /// Shows `item`: adds it to the active capture, or prints it and writes its figure file.
    public static func show(_ item: DisplayItem) {
        if let capture = activeCapture {
            capture.items.withLock { $0.append(item) }
            return
        }
        let uncaptured: (folder: String?, number: Int) = state.withLock { state in
            if item.figureFileExtension != nil { state.figuresWritten += 1 }
            return (state.figureFolder, state.figuresWritten)
        }
        let output = uncapturedOutput(item, folder: uncaptured.folder ?? FileManager.default.currentDirectoryPath, figureNumber: uncaptured.number)
        if let file = output.file {
            do {
                try AtomicFile.write(Data(file.bytes), to: URL(fileURLWithPath: file.path))
            } catch {
                FileHandle.standardError.write(Data("error: cannot write figure \(file.path): \(error.localizedDescription)\n".utf8))
                return
            }
        }
        print(output.text, terminator: "")
    }

    /// Shows plain text.
    public static func show(text: String) { show(.text(text)) }

    /// Shows named numbers.
    public static func show(metrics: [Metric]) { show(.metrics(metrics)) }

    /// What `show` prints outside a capture, and the figure file it writes (if any).
    static func uncapturedOutput(_ item: DisplayItem, folder: String, figureNumber: Int) -> (text: String, file: (path: String, bytes: [UInt8])?) {
        switch item {
        case .text(let text):
            return (text.hasSuffix("\n") ? text : text + "\n", nil)
        case .table(let table):
            return (table.plainText(), nil)
        case .metrics(let metrics):
            return (metrics.map { "\($0.name): \($0.formattedValue)\n" }.joined(), nil)
        case .latentExplorer(let explorer, _, _):
            return (explorer.summary + "\n", nil)
        case .imageGrid(_, let caption, _), .chart(_, let caption, _):
            let slug = slug(caption)
            let name = "figure-\(figureNumber)\(slug.isEmpty ? "" : "-" + slug).\(item.figureFileExtension!)"
            let path = (folder as NSString).appendingPathComponent(name)
            let title = caption.isEmpty ? "" : ": \(caption)"
            return ("Figure \(figureNumber)\(title) → \(path)\n", (path, item.figureFileBytes()!))
        }
    }

    /// A file-name-safe form of a caption: lowercase ASCII letters and digits joined by dashes.
    static func slug(_ caption: String) -> String {
        let words = caption.lowercased().split { !($0.isASCII && ($0.isLetter || $0.isNumber)) }
        var slug = ""
        for word in words where slug.count + word.count < 40 {
            slug += (slug.isEmpty ? "" : "-") + word
        }
        return slug
    }
}
