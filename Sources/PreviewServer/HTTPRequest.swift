/// A request's method and path, all a static preview needs: headers are read and dropped.
public struct HTTPRequest: Sendable, Equatable {
    /// `GET`, `HEAD`, …, as sent.
    public var method: String
    /// The target's path, percent-decoded, without its query or fragment: `/02-vae-loss.html`.
    public var path: String

    /// The most a request's head (request line and headers) may take: a browser sends well
    /// under 2 KiB; more is not a browser talking to a preview.
    static let maximumHeadSize = 16 * 1024

    /// Parses a request head (up to and without the blank line), or nil when it is not HTTP/1.x.
    public static func parse(head: [UInt8]) -> HTTPRequest? {
        guard let line = String(validating: head.prefix { $0 != 13 && $0 != 10 }, as: UTF8.self) else { return nil }
        let parts = line.split(separator: " ", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[2].hasPrefix("HTTP/1."), !parts[0].isEmpty, parts[1].hasPrefix("/") else { return nil }
        let target = parts[1].prefix { $0 != "?" && $0 != "#" }
        guard let path = percentDecoded(target) else { return nil }
        return HTTPRequest(method: String(parts[0]), path: path)
    }

    /// `%41` → `A`; nil for a malformed escape or bytes that are not UTF-8.
    static func percentDecoded(_ text: Substring) -> String? {
        var bytes: [UInt8] = []
        var iterator = Array(text.utf8).makeIterator()
        while let byte = iterator.next() {
            guard byte == UInt8(ascii: "%") else { bytes.append(byte); continue }
            guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue) else { return nil }
            bytes.append(high << 4 | low)
        }
        return String(validating: bytes, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 48...57: byte - 48
        case 65...70: byte - 55
        case 97...102: byte - 87
        default: nil
        }
    }
}
