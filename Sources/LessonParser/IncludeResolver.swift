import Spelling
import Foundation
import LessonModel

/// Resolves `include=PATH#ANCHOR` against the repository and extracts the anchored lines.
///
/// Paths are relative to the repository root and must stay inside it once symbolic links are
/// resolved. In the file, an anchor is the lines between `// ANCHOR: name` and
/// `// ANCHOR_END: name`; the extracted text is dedented and any nested marker lines are removed.
struct IncludeResolver {
    /// The repository root with symbolic links resolved.
    let root: String

    init(repositoryRoot: String) {
        root = Self.realPath(repositoryRoot) ?? repositoryRoot
    }

    /// Extracts the code named by `reference` (`PATH#ANCHOR` or `PATH`), or returns a diagnostic
    /// located at `location`.
    func resolve(_ reference: String, language: String, at location: SourceLocation) -> Result<IncludedCode, Diagnostic> {
        let parts = reference.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
        let path = String(parts[0])
        let anchor = parts.count > 1 ? String(parts[1]) : nil
        let rootHint = "include paths are relative to the repository root"
        guard !path.isEmpty else {
            return .failure(.error(at: location, "include needs a file path", hint: "write include=Sources/Module/File.swift#anchor"))
        }
        guard !path.hasPrefix("/") else {
            return .failure(.error(at: location, "include path '\(path)' must be relative", hint: rootHint))
        }
        if anchor?.isEmpty == true {
            return .failure(.error(at: location, "include of '\(path)' names an empty anchor", hint: "write \(path)#name, or drop '#' to include the whole file"))
        }
        let joined = root + "/" + path
        guard let resolved = Self.realPath(joined) else {
            if Self.leavesRoot(path) {
                return .failure(.error(at: location, "include path '\(path)' leaves the repository", hint: rootHint))
            }
            return .failure(.error(at: location, "included file '\(path)' does not exist", hint: rootHint))
        }
        guard resolved.hasPrefix(root + "/") else {
            return .failure(.error(
                at: location, "include path '\(path)' leaves the repository",
                hint: Self.leavesRoot(path) ? rootHint : "it resolves through a symbolic link to '\(resolved)'"))
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: resolved, isDirectory: &isDirectory), !isDirectory.boolValue else {
            return .failure(.error(at: location, "include path '\(path)' is a directory, not a file"))
        }
        guard let data = FileManager.default.contents(atPath: resolved),
              let text = String(data: data, encoding: .utf8) else {
            return .failure(.error(at: location, "included file '\(path)' cannot be read as UTF-8 text"))
        }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { String($0).trimmingTrailingWhitespace }

        var starts: [(name: String, line: Int)] = []
        var ends: [String: Int] = [:]
        for (index, line) in lines.enumerated() {
            if let name = Self.marker("ANCHOR", in: line) { starts.append((name, index + 1)) }
            if let name = Self.marker("ANCHOR_END", in: line), ends[name] == nil { ends[name] = index + 1 }
        }

        let range: ClosedRange<Int>
        if let anchor {
            guard let start = starts.first(where: { $0.name == anchor })?.line else {
                let names = starts.map(\.name)
                let available = names.isEmpty
                    ? "'\(path)' has no '// ANCHOR: name' markers"
                    : "available anchors: \(names.joined(separator: ", "))"
                let hint = SpellingSuggestion.hint(for: anchor, among: names).map { "\($0) \(available)" } ?? available
                return .failure(.error(at: location, "no anchor '\(anchor)' in '\(path)'", hint: hint))
            }
            guard let end = ends[anchor], end > start else {
                return .failure(.error(
                    at: location, "anchor '\(anchor)' in '\(path)' is never closed",
                    hint: "add '// ANCHOR_END: \(anchor)' after line \(start) of '\(path)'"))
            }
            guard end > start + 1 else {
                return .failure(.error(at: location, "anchor '\(anchor)' in '\(path)' is empty"))
            }
            range = (start + 1)...(end - 1)
        } else {
            let last = lines.last == "" ? lines.count - 1 : lines.count
            guard last >= 1 else { return .failure(.error(at: location, "included file '\(path)' is empty")) }
            range = 1...last
        }
        let kept = lines[(range.lowerBound - 1)...(range.upperBound - 1)].filter {
            Self.marker("ANCHOR", in: $0) == nil && Self.marker("ANCHOR_END", in: $0) == nil
        }
        return .success(IncludedCode(path: path, anchor: anchor, language: language, text: Self.dedent(kept), lines: range))
    }

    /// The anchor name of a `// ANCHOR: name` (or `ANCHOR_END`) line, if the line is one.
    private static func marker(_ keyword: String, in line: String) -> String? {
        let trimmed = line.drop { $0 == " " || $0 == "\t" }
        let prefix = "// \(keyword):"
        guard trimmed.hasPrefix(prefix) else { return nil }
        let name = trimmed.dropFirst(prefix.count).trimmingWhitespaceCharacters
        return name.isEmpty || name.contains(" ") ? nil : name
    }

    /// Removes the indentation common to every non-blank line.
    private static func dedent(_ lines: [String]) -> String {
        let indents = lines.filter { !$0.allSatisfy(\.isHorizontalWhitespace) }
            .map { $0.prefix { $0 == " " || $0 == "\t" }.count }
        let common = indents.min() ?? 0
        return lines.map { String($0.dropFirst(min(common, $0.prefix { $0 == " " || $0 == "\t" }.count))) }
            .joined(separator: "\n")
    }

    /// Whether the path's `..` components climb above its starting folder.
    private static func leavesRoot(_ path: String) -> Bool {
        var depth = 0
        for component in path.split(separator: "/") {
            if component == ".." { depth -= 1 } else if component != "." { depth += 1 }
            if depth < 0 { return true }
        }
        return false
    }

    /// The canonical absolute path with every symbolic link resolved, or nil if it does not exist.
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}

extension Substring {
    var trimmingWhitespaceCharacters: String { String(self).trimmingWhitespace }
}
