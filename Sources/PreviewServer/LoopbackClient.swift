import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The other end of ``HTTPServer`` on 127.0.0.1, for the benchmark and the tests: a GET, and an
/// event stream read line by line. Blocking sockets, with a time limit on every read.
public enum LoopbackClient {
    /// A response: its status, its head as sent, and its body.
    public struct Response: Sendable {
        public var status: Int
        public var head: String
        public var body: [UInt8]
        public var text: String { String(decoding: body, as: UTF8.self) }
    }

    public struct ClientError: Error, CustomStringConvertible {
        public let description: String
    }

    /// GETs `path` from 127.0.0.1:`port`, reading until the server closes the connection.
    public static func get(_ path: String, port: UInt16, timeout: Double = 10) throws(ClientError) -> Response {
        let socket = try connect(port: port, timeout: timeout)
        defer { close(socket) }
        try send("GET \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\n\r\n", to: socket)
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = chunk.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
            if count < 0 && errno == EINTR { continue }
            guard count >= 0 else { throw ClientError(description: "no response to GET \(path) within \(timeout) s") }
            if count == 0 { break }
            bytes += chunk[..<count]
        }
        guard let end = HTTPServer.endOfHead(bytes) else { throw ClientError(description: "a response without a head to GET \(path)") }
        let head = String(decoding: bytes[..<end], as: UTF8.self)
        let status = head.split(separator: " ").dropFirst().first.flatMap { Int($0) } ?? 0
        let bodyStart = bytes[end] == 13 ? end + 4 : end + 2
        return Response(status: status, head: head, body: Array(bytes[bodyStart...]))
    }

    /// An event stream held open: ``nextEvent(timeout:)`` reads its events one at a time.
    public final class EventStream {
        private let socket: Int32
        private var buffered: [UInt8] = []

        /// Opens `path` on 127.0.0.1:`port` and reads the response's head.
        public init(_ path: String, port: UInt16) throws(ClientError) {
            socket = try LoopbackClient.connect(port: port, timeout: 10)
            try LoopbackClient.send("GET \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nAccept: text/event-stream\r\n\r\n", to: socket)
            guard let head = try read(until: [13, 10, 13, 10], timeout: 10) else { throw ClientError(description: "the event stream sent no head") }
            guard head.hasPrefix("HTTP/1.1 200"), head.contains("text/event-stream") else { throw ClientError(description: "not an event stream: \(head)") }
        }

        deinit { close(socket) }

        /// The next event's name and data (its `data:` lines joined), skipping comments and
        /// `retry:`; nil when none comes within `timeout` seconds or the stream ends.
        public func nextEvent(timeout: Double) throws(ClientError) -> (name: String, data: String)? {
            let deadline = Date().addingTimeInterval(timeout)
            while true {
                let left = deadline.timeIntervalSinceNow
                guard left > 0, let block = try read(until: [10, 10], timeout: left) else { return nil }
                var name = "message", data: [String] = []
                for line in block.split(separator: "\n") {
                    if line.hasPrefix("event: ") { name = String(line.dropFirst(7)) }
                    if line.hasPrefix("data: ") { data.append(String(line.dropFirst(6))) }
                }
                if !data.isEmpty { return (name, data.joined(separator: "\n")) }
            }
        }

        /// The text up to `separator` (without it), or nil on a time-out or the stream's end.
        private func read(until separator: [UInt8], timeout: Double) throws(ClientError) -> String? {
            while true {
                if let range = buffered.firstRange(of: separator) {
                    let text = String(decoding: buffered[..<range.lowerBound], as: UTF8.self)
                    buffered.removeSubrange(..<range.upperBound)
                    return text
                }
                var poller = pollfd(fd: socket, events: Int16(POLLIN), revents: 0)
                guard poll(&poller, 1, Int32(max(1, timeout * 1000))) > 0 else { return nil }
                var chunk = [UInt8](repeating: 0, count: 4096)
                let count = chunk.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
                guard count > 0 else { return nil }
                buffered += chunk[..<count]
            }
        }
    }

    static func connect(port: UInt16, timeout: Double) throws(ClientError) -> Int32 {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard socket >= 0 else { throw ClientError(description: "socket failed: \(String(cString: strerror(errno)))") }
        var limit = timeval(tv_sec: Int(timeout), tv_usec: Int((timeout - timeout.rounded(.down)) * 1e6))
        setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
        var address = HTTPServer.loopback(port: port)
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            let reason = String(cString: strerror(errno))
            close(socket)
            throw ClientError(description: "cannot connect to 127.0.0.1:\(port): \(reason)")
        }
        return socket
    }

    static func send(_ text: String, to socket: Int32) throws(ClientError) {
        guard HTTPServer.send(Array(text.utf8), to: socket) else { throw ClientError(description: "the server closed the connection") }
    }
}
