import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// The open Server-Sent Events streams, and what is sent to all of them.
///
/// An event is written to each stream without waiting: a browser that does not read it (its
/// buffer full) or has gone loses its stream, and its `EventSource` connects again by itself.
public final class EventChannel: Sendable {
    private let streams = Mutex<[Int32]>([])
    /// The most streams held at once: a browser opens one per tab.
    public static let maximumStreams = 64

    /// How many streams are open.
    public var count: Int { streams.withLock { $0.count } }

    /// Sends an event named `name` with `data` (one `data:` line per line of it) to every stream.
    public func send(event name: String, data: String) {
        broadcast(Self.format(event: name, data: data))
    }

    /// `event: NAME`, a `data:` line for each line of `data`, and the blank line that ends it.
    public static func format(event name: String, data: String) -> String {
        "event: \(name)\n" + data.split(separator: "\n", omittingEmptySubsequences: false).map { "data: \($0)\n" }.joined() + "\n"
    }

    /// A comment line, which browsers ignore: finds the streams whose browser went away.
    func keepAlive() {
        broadcast(": keep-alive\n\n")
    }

    func add(_ connection: Int32) -> Bool {
        streams.withLock { streams in
            guard streams.count < Self.maximumStreams else { return false }
            streams.append(connection)
            return true
        }
    }

    func closeAll() {
        for stream in streams.withLock({ streams in defer { streams = [] }; return streams }) { HTTPServer.close(stream) }
    }

    private func broadcast(_ text: String) {
        let bytes = Array(text.utf8)
        streams.withLock { streams in
            streams.removeAll { stream in
                guard !HTTPServer.send(bytes, to: stream, flags: Int32(MSG_DONTWAIT)) else { return false }
                HTTPServer.close(stream)
                return true
            }
        }
    }
}
