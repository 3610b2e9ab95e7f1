import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// A small HTTP/1.1 server on 127.0.0.1 for one person's browser: each connection gets a thread,
/// sends one GET or HEAD request, and gets one response (`Connection: close`), or becomes a
/// Server-Sent Events stream held by ``events``.
///
/// Only loopback is bound, so nothing outside the machine can reach it. What a browser cannot
/// send is answered, not trusted: a head over 16 KiB gets 431, a client that sends nothing for
/// five seconds gets 408, a method other than GET or HEAD 405, and more than
/// ``maximumConnections`` at once 503. Writes never raise SIGPIPE.
public final class HTTPServer: Sendable {
    /// What to answer a request with.
    public enum Reply: Sendable {
        case response(HTTPResponse)
        /// Keep the connection as an event stream, first sending `initial` (events or a `retry:`).
        case eventStream(initial: String)
    }

    /// Why the server could not listen.
    public enum BindError: Error, Equatable, CustomStringConvertible {
        case portInUse(UInt16)
        case portNotAllowed(UInt16)
        case system(String, Int32)

        public var description: String {
            switch self {
            case .portInUse(let port): "port \(port) on 127.0.0.1 is in use"
            case .portNotAllowed(let port): "port \(port) on 127.0.0.1 needs privileges this user does not have"
            case .system(let call, let code): "\(call) failed: \(String(cString: strerror(code)))"
            }
        }
    }

    /// The port listened on (the one the system chose when asked for port 0).
    public let port: UInt16
    /// The event streams open now.
    public let events = EventChannel()
    /// The most connections answered at once (event streams are counted by ``events``).
    public static let maximumConnections = 32

    private let listener: Int32
    private let stopping = Atomic<Bool>(false)
    private let open = Mutex(0)

    /// Listens on 127.0.0.1:`port` (0: a free port the system chooses); nothing is answered
    /// until ``serve(_:)``.
    public init(port: UInt16) throws(BindError) {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard socket >= 0 else { throw .system("socket", errno) }
        // A restarted preview can listen again at once, without waiting for TIME_WAIT to end.
        var yes: Int32 = 1
        setsockopt(socket, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = Self.loopback(port: port)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(socket, 64) == 0 else {
            let code = errno
            Glibc.close(socket)
            switch code {
            case EADDRINUSE: throw .portInUse(port)
            case EACCES: throw .portNotAllowed(port)
            default: throw .system(bound == 0 ? "listen" : "bind", code)
            }
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(socket, $0, &length) }
        }
        self.listener = socket
        self.port = UInt16(bigEndian: address.sin_port)
    }

    /// 127.0.0.1:`port`, as the socket calls take it.
    static func loopback(port: UInt16) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = in_addr_t(0x7F00_0001).bigEndian
        return address
    }

    /// Answers requests with `handler`, on threads of their own, until ``stop()``.
    public func serve(_ handler: @escaping @Sendable (HTTPRequest) -> Reply) {
        Thread { [self] in
            while !stopping.load(ordering: .acquiring) {
                let connection = accept(listener, nil, nil)
                if connection >= 0 {
                    // Not inherited by the browser xdg-open starts, nor by a restarted preview.
                    _ = fcntl(connection, F_SETFD, FD_CLOEXEC)
                }
                if connection < 0 {
                    if errno == EINTR || errno == ECONNABORTED { continue }
                    // EMFILE and the like: wait instead of spinning; stop() ends here with EINVAL.
                    if !stopping.load(ordering: .acquiring) { usleep(50_000) }
                    continue
                }
                let admitted = open.withLock { count in
                    guard count < Self.maximumConnections else { return false }
                    count += 1
                    return true
                }
                guard admitted else {
                    Self.send(HTTPResponse.text(503, "too many connections").serialized(includingBody: true), to: connection)
                    Self.close(connection)
                    continue
                }
                Thread { [self] in
                    answer(connection, handler)
                    open.withLock { $0 -= 1 }
                }.start()
            }
        }.start()
        Thread { [self] in
            // A comment line every few seconds: a stream whose browser went away fails to take
            // it and is closed, so closed tabs do not hold connections.
            while !stopping.load(ordering: .acquiring) {
                for _ in 0..<50 where !stopping.load(ordering: .acquiring) { usleep(100_000) }
                events.keepAlive()
            }
        }.start()
    }

    /// Stops accepting, closes every event stream; requests being answered finish.
    public func stop() {
        guard !stopping.exchange(true, ordering: .acquiringAndReleasing) else { return }
        shutdown(listener, Int32(SHUT_RDWR))
        Glibc.close(listener)
        events.closeAll()
    }

    private func answer(_ connection: Int32, _ handler: @Sendable (HTTPRequest) -> Reply) {
        var timeout = timeval(tv_sec: 5, tv_usec: 0)
        setsockopt(connection, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(connection, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        let request: HTTPRequest
        switch Self.readHead(connection) {
        case .head(let head):
            guard let parsed = HTTPRequest.parse(head: head) else { return reply(.text(400, "bad request"), on: connection) }
            request = parsed
        case .tooLarge: return reply(.text(431, "request head too large"), on: connection)
        case .timedOut: return reply(.text(408, "no request within 5 seconds"), on: connection)
        case .closed: return Self.close(connection)
        }
        guard request.method == "GET" || request.method == "HEAD" else {
            return reply(HTTPResponse(status: 405, headers: [("Allow", "GET, HEAD")], body: Array("only GET and HEAD\n".utf8)), on: connection)
        }
        switch handler(request) {
        case .response(let response):
            reply(response, on: connection, includingBody: request.method == "GET")
        case .eventStream(let initial):
            let head = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-store\r\nConnection: keep-alive\r\n\r\n"
            guard Self.send(Array((head + initial).utf8), to: connection), events.add(connection) else { return Self.close(connection) }
        }
    }

    private func reply(_ response: HTTPResponse, on connection: Int32, includingBody: Bool = true) {
        Self.send(response.serialized(includingBody: includingBody), to: connection)
        Self.close(connection)
    }

    private enum HeadRead { case head([UInt8]), tooLarge, timedOut, closed }

    /// Reads up to the blank line that ends a request's head.
    private static func readHead(_ connection: Int32) -> HeadRead {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = chunk.withUnsafeMutableBytes { recv(connection, $0.baseAddress, $0.count, 0) }
            if count < 0 && errno == EINTR { continue }
            if count < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) { return .timedOut }
            guard count > 0 else { return .closed }
            bytes += chunk[..<count]
            if let end = endOfHead(bytes) { return .head(Array(bytes[..<end])) }
            if bytes.count > HTTPRequest.maximumHeadSize { return .tooLarge }
        }
    }

    /// Where `\r\n\r\n` (or a bare `\n\n`) starts, if it is there.
    static func endOfHead(_ bytes: [UInt8]) -> Int? {
        guard bytes.count >= 2 else { return nil }
        for index in 1..<bytes.count where bytes[index] == 10 {
            if bytes[index - 1] == 10 { return index - 1 }
            if index >= 3, bytes[index - 1] == 13, bytes[index - 2] == 10, bytes[index - 3] == 13 { return index - 3 }
        }
        return nil
    }

    /// Sends all of `bytes`; false when the peer is gone or stops reading.
    @discardableResult
    static func send(_ bytes: [UInt8], to connection: Int32, flags: Int32 = 0) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes.withUnsafeBytes { Glibc.send(connection, $0.baseAddress! + offset, $0.count - offset, Int32(MSG_NOSIGNAL) | flags) }
            if sent < 0 && errno == EINTR { continue }
            guard sent > 0 else { return false }
            offset += sent
        }
        return true
    }

    /// Closes after telling the peer that nothing more comes, so it reads the whole response.
    static func close(_ connection: Int32) {
        shutdown(connection, Int32(SHUT_WR))
        Glibc.close(connection)
    }
}
