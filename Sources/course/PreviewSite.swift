import PreviewServer
import Synchronization

/// The site `course preview` serves: its files in memory, replaced whole after each rebuild,
/// and the generation that counts the replacements that changed something.
final class PreviewSite: Sendable {
    private struct Snapshot {
        var files: [String: [UInt8]] = [:]
        var generation = 0
    }

    private let snapshot = Mutex(Snapshot())
    let events: EventChannel

    init(events: EventChannel) {
        self.events = events
    }

    var generation: Int { snapshot.withLock { $0.generation } }

    /// Serves `files` from now on; when pages changed, says which to the open pages.
    /// `decorate` makes the served files of the new generation.
    func replace(with decorate: (_ generation: Int) -> [String: [UInt8]]) {
        let next = generation + 1
        let files = decorate(next)
        let changed: [String]? = snapshot.withLock { snapshot in
            // Pages differ in their generation alone when nothing else changed: compare without it.
            let old = snapshot.files
            let changed = Set(files.keys).union(old.keys).filter { path in
                Self.withoutGeneration(files[path], path) != Self.withoutGeneration(old[path], path)
            }
            guard !changed.isEmpty || old.isEmpty else { return nil }
            snapshot = Snapshot(files: files, generation: next)
            return changed.sorted()
        }
        if let changed, !changed.isEmpty {
            events.send(event: "change", data: (["\(next)"] + changed).joined(separator: "\n"))
        }
    }

    /// The answer to a request: a file of the site, or the event stream.
    func answer(_ request: HTTPRequest) -> HTTPServer.Reply {
        if request.path == PreviewPages.eventsPath {
            // `retry`: how soon a browser connects again after losing the stream (a restart).
            return .eventStream(initial: "retry: 500\n\n" + EventChannel.format(event: "hello", data: "\(generation)"))
        }
        var path = String(request.path.dropFirst())
        if path.isEmpty || path.hasSuffix("/") { path += "index.html" }
        guard let bytes = snapshot.withLock({ $0.files[path] }) else {
            return .response(.text(404, "no such page in the preview: \(request.path)"))
        }
        return .response(HTTPResponse(status: 200, headers: [("Content-Type", ContentType.of(path: path))], body: bytes))
    }

    /// A page's text with its generation number blanked, for comparing two renders.
    private static func withoutGeneration(_ bytes: [UInt8]?, _ path: String) -> [UInt8]? {
        guard let bytes, path.hasSuffix(".html") else { return bytes }
        return Array(String(decoding: bytes, as: UTF8.self).replacing(#/var served = \d+;/#, with: "").utf8)
    }
}
