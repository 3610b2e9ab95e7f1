import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Headless Chromium driven through the DevTools protocol over a pipe
/// (`--remote-debugging-pipe`): commands go to the browser's file descriptor 3 and replies and
/// events come back on descriptor 4, each a JSON message ended by a NUL byte. A pipe needs no
/// port, no WebSocket and no network.
final class ChromiumSession {
    struct ProtocolError: Error, CustomStringConvertible {
        var description: String
    }

    private let process = Process()
    private let commands: FileHandle
    private let replies: FileHandle
    private let profile: URL
    private var buffer: [UInt8] = []
    private var nextID = 1
    /// Events received and not yet taken, in arrival order.
    private(set) var events: [[String: Any]] = []

    /// Starts Chromium; no host name resolves (`MAP * ~NOTFOUND`), so nothing can leave the machine.
    init(executable: String) throws {
        profile = FileManager.default.temporaryDirectory.appendingPathComponent("chromium-profile-\(UUID().uuidString)")
        let toBrowser = Pipe(), fromBrowser = Pipe()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        // The shell moves our pipes to descriptors 3 and 4, where Chromium expects them.
        process.arguments = ["-c", "exec \"$0\" \"$@\" 3<&0 4>&1 0</dev/null 1>/dev/null 2>/dev/null", executable,
                             "--headless=new", "--remote-debugging-pipe", "--no-sandbox", "--disable-gpu",
                             "--no-first-run", "--no-default-browser-check", "--disable-extensions",
                             "--disable-background-networking", "--disable-component-update", "--disable-sync",
                             "--host-resolver-rules=MAP * ~NOTFOUND", "--user-data-dir=\(profile.path)", "about:blank"]
        process.standardInput = toBrowser
        process.standardOutput = fromBrowser
        try process.run()
        commands = toBrowser.fileHandleForWriting
        replies = fromBrowser.fileHandleForReading
    }

    deinit {
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
        try? FileManager.default.removeItem(at: profile)
    }

    /// Sends a command and waits for its result; events arriving meanwhile are kept in ``events``.
    @discardableResult
    func send(_ method: String, _ params: [String: Any] = [:], session: String? = nil, timeout: Double = 10) throws -> [String: Any] {
        let id = nextID
        nextID += 1
        var message: [String: Any] = ["id": id, "method": method, "params": params]
        if let session { message["sessionId"] = session }
        var data = try JSONSerialization.data(withJSONObject: message)
        data.append(0)
        try commands.write(contentsOf: data)
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            let reply = try nextMessage(until: deadline, waitingFor: method)
            if reply["id"] as? Int == id {
                if let error = reply["error"] as? [String: Any] {
                    throw ProtocolError(description: "\(method) failed: \(error["message"] ?? error)")
                }
                return reply["result"] as? [String: Any] ?? [:]
            }
            if reply["method"] != nil { events.append(reply) }
        }
    }

    /// Waits for the event `method` of `session`, keeping every event in ``events``.
    func waitForEvent(_ method: String, session: String, timeout: Double = 10) throws {
        if events.contains(where: { $0["method"] as? String == method && $0["sessionId"] as? String == session }) { return }
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            let message = try nextMessage(until: deadline, waitingFor: method)
            guard message["method"] != nil else { continue }
            events.append(message)
            if message["method"] as? String == method && message["sessionId"] as? String == session { return }
        }
    }

    /// Removes and returns the events received so far.
    func takeEvents() -> [[String: Any]] {
        defer { events = [] }
        return events
    }

    private func nextMessage(until deadline: Date, waitingFor what: String) throws -> [String: Any] {
        while true {
            if let end = buffer.firstIndex(of: 0) {
                let data = Data(buffer[..<end])
                buffer.removeSubrange(...end)
                guard let message = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
                    throw ProtocolError(description: "a message from Chromium is not a JSON object")
                }
                return message
            }
            let remaining = deadline.timeIntervalSinceNow
            guard remaining > 0 else { throw ProtocolError(description: "timed out waiting for \(what)") }
            var descriptor = pollfd(fd: replies.fileDescriptor, events: Int16(POLLIN), revents: 0)
            let ready = poll(&descriptor, 1, Int32(min(remaining, 1) * 1000))
            guard ready > 0 else { continue }
            var chunk = [UInt8](repeating: 0, count: 65536)
            let count = read(replies.fileDescriptor, &chunk, chunk.count)
            guard count > 0 else { throw ProtocolError(description: "Chromium closed the pipe while we waited for \(what)") }
            buffer += chunk[..<count]
        }
    }
}

extension ChromiumSession {
    /// A browser tab attached for commands.
    struct Tab {
        let targetID: String
        let session: String
    }

    /// Opens `url` in a new tab whose viewport is `width` × `height` CSS pixels, laid out as on
    /// a phone when `mobile`, with `domains` enabled before the page loads; returns once it has
    /// loaded. Events from before the navigation are dropped.
    func open(_ url: String, width: Int = 1280, height: Int = 800, mobile: Bool = false, domains: [String] = ["Page"]) throws -> Tab {
        let target = try send("Target.createTarget", ["url": "about:blank"])
        guard let targetID = target["targetId"] as? String else { throw ProtocolError(description: "Target.createTarget returned no targetId") }
        let attached = try send("Target.attachToTarget", ["targetId": targetID, "flatten": true])
        guard let session = attached["sessionId"] as? String else { throw ProtocolError(description: "Target.attachToTarget returned no sessionId") }
        for domain in Set(domains + ["Page"]).sorted() { try send("\(domain).enable", session: session) }
        try send("Emulation.setDeviceMetricsOverride",
                 ["width": width, "height": height, "deviceScaleFactor": 1, "mobile": mobile], session: session)
        _ = takeEvents()
        try send("Page.navigate", ["url": url], session: session)
        try waitForEvent("Page.loadEventFired", session: session)
        return Tab(targetID: targetID, session: session)
    }

    /// Evaluates the JavaScript `expression` in `tab`, awaiting it if it is a promise, and
    /// returns its value as JSON values (strings, numbers, booleans, arrays, dictionaries).
    func evaluate(_ expression: String, in tab: Tab) throws -> Any? {
        let reply = try send("Runtime.evaluate", ["expression": expression, "returnByValue": true, "awaitPromise": true], session: tab.session)
        if let exception = reply["exceptionDetails"] { throw ProtocolError(description: "the page threw: \(exception)") }
        return (reply["result"] as? [String: Any])?["value"]
    }

    /// Closes `tab`.
    func close(_ tab: Tab) throws {
        try send("Target.closeTarget", ["targetId": tab.targetID])
    }
}
