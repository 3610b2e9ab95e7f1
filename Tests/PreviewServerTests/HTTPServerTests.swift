import Foundation
import Glibc
import Testing
@testable import PreviewServer

/// The preview's HTTP server answered over real sockets on loopback, including what a browser
/// would never send.
@Suite struct HTTPServerTests {
    @Test func parsesWhatABrowserSends() {
        let request = HTTPRequest.parse(head: Array("GET /02-vae%20loss.html?x=1#top HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: */*".utf8))
        #expect(request == HTTPRequest(method: "GET", path: "/02-vae loss.html"))
        for bad in ["GET / HTTP/2", "GET index.html HTTP/1.1", "GET /%zz HTTP/1.1", "GET /%ff HTTP/1.1", "GET  / HTTP/1.1", "", "\u{0}"] {
            #expect(HTTPRequest.parse(head: Array(bad.utf8)) == nil, "\(bad)")
        }
    }

    @Test func servesFilesAndAnswersBadRequests() throws {
        let server = try HTTPServer(port: 0)
        defer { server.stop() }
        server.serve { request in
            request.path == "/page.html"
                ? .response(HTTPResponse(status: 200, headers: [("Content-Type", ContentType.of(path: request.path))], body: Array("<p>page</p>".utf8)))
                : .response(.text(404, "none"))
        }
        let page = try LoopbackClient.get("/page.html", port: server.port)
        #expect(page.status == 200 && page.text == "<p>page</p>" && page.head.contains("Content-Type: text/html; charset=utf-8"))
        #expect(page.head.contains("Cache-Control: no-store"))
        #expect(try LoopbackClient.get("/other", port: server.port).status == 404)
        #expect(try Self.exchange("POST /page.html HTTP/1.1\r\n\r\n", port: server.port).hasPrefix("HTTP/1.1 405 "))
        #expect(try Self.exchange("HEAD /page.html HTTP/1.1\r\n\r\n", port: server.port).hasSuffix("\r\n\r\n"), "no body for HEAD")
        #expect(try Self.exchange("nonsense\r\n\r\n", port: server.port).hasPrefix("HTTP/1.1 400 "))
        let huge = "GET / HTTP/1.1\r\n" + String(repeating: "X-Filler: \(String(repeating: "a", count: 100))\r\n", count: 200)
        #expect(try Self.exchange(huge, port: server.port).hasPrefix("HTTP/1.1 431 "))
    }

    @Test func aSilentClientIsAnsweredWith408() throws {
        let server = try HTTPServer(port: 0)
        defer { server.stop() }
        server.serve { _ in .response(.text(200, "ok")) }
        #expect(try Self.exchange("GET / HT", port: server.port).hasPrefix("HTTP/1.1 408 "))
    }

    @Test func eventsReachEveryStreamAndAClosedOneIsDropped() throws {
        let server = try HTTPServer(port: 0)
        defer { server.stop() }
        server.serve { _ in .eventStream(initial: EventChannel.format(event: "hello", data: "1")) }
        let first = try LoopbackClient.EventStream("/events", port: server.port)
        var second: LoopbackClient.EventStream? = try LoopbackClient.EventStream("/events", port: server.port)
        #expect(try first.nextEvent(timeout: 5)?.name == "hello")
        #expect(try second?.nextEvent(timeout: 5)?.data == "1")
        while server.events.count < 2 { usleep(10_000) }
        server.events.send(event: "change", data: "2\na.html\nb.html")
        #expect(try first.nextEvent(timeout: 5).map { "\($0.name): \($0.data)" } == "change: 2\na.html\nb.html")
        #expect(try second?.nextEvent(timeout: 5)?.name == "change")
        second = nil
        // The closed stream fails a later write (the first may still be accepted) and is dropped.
        for _ in 0..<3 { server.events.send(event: "ping", data: "") ; usleep(50_000) }
        #expect(server.events.count == 1)
    }

    @Test func aPortInUseIsReportedAsSuch() throws {
        let server = try HTTPServer(port: 0)
        defer { server.stop() }
        #expect(throws: HTTPServer.BindError.portInUse(server.port)) { try HTTPServer(port: server.port) }
    }

    /// Sends `text` on a new connection and returns all the server answers.
    static func exchange(_ text: String, port: UInt16) throws -> String {
        let socket = try LoopbackClient.connect(port: port, timeout: 10)
        defer { close(socket) }
        try LoopbackClient.send(text, to: socket)
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while case let count = recv(socket, &chunk, chunk.count, 0), count > 0 { bytes += chunk[..<count] }
        return String(decoding: bytes, as: UTF8.self)
    }
}
