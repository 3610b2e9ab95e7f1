import Foundation
import LessonModel

/// Decides what a lesson's links and images point to on the site.
///
/// Links keep working after publishing: a link to another lesson's Markdown file
/// (`03-gan.md#losses`) points to that lesson's page, and only web, mail and relative links are
/// kept, the same schemes cmark's safe mode lets through (a `javascript:` link loses its
/// target). Images must come with the site, because no request may leave it: an image named
/// by a relative path is copied from the repository into `images/`, and one on another host is
/// an error.
struct LinkResolver {
    /// The lesson whose links these are.
    let lessonPath: String
    /// The repository the lesson's relative image paths start from.
    let repositoryRoot: URL
    /// The site page of each lesson, keyed by its Markdown file name (`03-gan.md` → `03-gan.html`).
    let pagesByFileName: [String: String]

    static let allowedSchemes: Set<String> = ["http", "https", "mailto"]

    /// The `href` for a link destination, or nil when the destination's scheme is not allowed.
    func href(for destination: String) -> String? {
        if let scheme = Self.scheme(of: destination) {
            return Self.allowedSchemes.contains(scheme.lowercased()) ? Self.encoded(destination) : nil
        }
        let parts = destination.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
        let path = String(parts[0])
        let fileName = path.split(separator: "/").last.map(String.init) ?? path
        if path.hasSuffix(".md"), let page = pagesByFileName[fileName] {
            return Self.encoded(parts.count > 1 ? page + "#" + parts[1] : page)
        }
        return Self.encoded(destination)
    }

    /// The site path and contents of a prose image, or a diagnostic located at `location`.
    func image(_ source: String, at location: SourceLocation) -> Result<SiteFile, Diagnostic> {
        if Self.scheme(of: source) != nil || source.hasPrefix("//") {
            return .failure(.error(
                at: location, "image '\(source)' would be loaded from outside the site",
                hint: "save the image in the repository and refer to it by a relative path"))
        }
        let path = source.split(separator: "#", maxSplits: 1)[0].split(separator: "?", maxSplits: 1)[0]
        guard !path.hasPrefix("/"), let relative = Self.normalized(lessonFolder + "/" + path) else {
            return .failure(.error(at: location, "image '\(source)' lies outside the repository",
                                   hint: "keep lesson images inside the repository"))
        }
        guard let data = FileManager.default.contents(atPath: repositoryRoot.appendingPathComponent(relative).path) else {
            return .failure(.error(at: location, "cannot read the image '\(relative)'",
                                   hint: "image paths are relative to the lesson's folder"))
        }
        let name = relative.map { $0.isLetter || $0.isNumber || $0 == "." || $0 == "-" ? $0 : "-" }
        return .success(SiteFile(path: "images/" + String(name), bytes: Array(data)))
    }

    /// The lesson's folder relative to the repository root, `Lessons`.
    private var lessonFolder: String {
        lessonPath.split(separator: "/").dropLast().joined(separator: "/")
    }

    /// `path` with `.` and `..` resolved, or nil when it climbs above its start.
    static func normalized(_ path: String) -> String? {
        var parts: [Substring] = []
        for part in path.split(separator: "/") where part != "." {
            if part == ".." {
                guard parts.popLast() != nil else { return nil }
            } else {
                parts.append(part)
            }
        }
        return parts.joined(separator: "/")
    }

    /// The URL scheme (`https`, `javascript`), or nil for a relative reference.
    static func scheme(of destination: String) -> String? {
        guard let colon = destination.firstIndex(of: ":") else { return nil }
        let candidate = destination[..<colon]
        guard let first = candidate.first, first.isASCII, first.isLetter,
              candidate.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) }) else { return nil }
        return String(candidate)
    }

    /// Percent-encodes the characters a URL may not contain (spaces, quotes, angle brackets, controls).
    static func encoded(_ url: String) -> String {
        var bytes: [UInt8] = []
        for byte in url.utf8 {
            if byte <= 0x20 || byte == 0x7F || "\"<>\\^`{|}".utf8.contains(byte) {
                bytes += Array(String(format: "%%%02X", byte).utf8)
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
