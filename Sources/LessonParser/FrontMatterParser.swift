import Spelling
import LessonModel
import Yams

/// Reads the YAML front matter at the top of a lesson.
///
/// The front matter is a `---` line, YAML lines, and a closing `---` (or `...`) line. Its lines
/// are reported so the caller can blank them out and keep the Markdown body's line numbers.
struct FrontMatterParser {
    /// What the front matter parse found.
    struct Result {
        /// The front matter, or nil when it is missing or invalid.
        var frontMatter: FrontMatter?
        /// The lines the front matter occupies, fences included; empty when there is none.
        var lines: ClosedRange<Int>?
        /// Whether the rest of the file can be parsed as Markdown (false when the front matter never ends).
        var bodyIsUsable: Bool
        /// Where the `thumbnail:` value is written, for the error when it names no cell.
        var thumbnailLocation: SourceLocation?
    }

    /// The keys a lesson's front matter may have.
    static let knownKeys = ["title", "summary", "order", "defaults", "thumbnail"]

    let source: LessonSource

    /// Parses the front matter, appending any problems to `diagnostics`.
    func parse(into diagnostics: inout [Diagnostic]) -> Result {
        guard source.lineCount > 0, isFence(source.text(ofLine: 1), closing: false) else {
            diagnostics.append(.error(
                at: source.location(line: 1, column: 1), "lesson has no front matter",
                hint: "start the file with '---', a 'title:' line, a 'summary:' line and '---'"))
            return Result(frontMatter: nil, lines: nil, bodyIsUsable: true)
        }
        guard let closing = (2...max(2, source.lineCount)).first(where: {
            $0 <= source.lineCount && isFence(source.text(ofLine: $0), closing: true)
        }) else {
            diagnostics.append(.error(
                at: source.location(line: 1, column: 1), "unterminated front matter",
                hint: "end the front matter with a line '---' before the lesson's text"))
            return Result(frontMatter: nil, lines: nil, bodyIsUsable: false)
        }
        let yaml = (2..<closing).map { source.text(ofLine: $0) }.joined(separator: "\n")
        var thumbnailLocation: SourceLocation?
        let frontMatter = read(yaml: yaml, into: &diagnostics, thumbnailLocation: &thumbnailLocation)
        return Result(frontMatter: frontMatter, lines: 1...closing, bodyIsUsable: true, thumbnailLocation: thumbnailLocation)
    }

    private func isFence(_ line: String, closing: Bool) -> Bool {
        let trimmed = line.trimmingTrailingWhitespace
        return trimmed == "---" || (closing && trimmed == "...")
    }

    private var yaml: LocatedYAML { LocatedYAML(source: source, firstLine: 2, name: "front matter") }

    private func read(yaml yamlText: String, into diagnostics: inout [Diagnostic], thumbnailLocation: inout SourceLocation?) -> FrontMatter? {
        let (root, isComposed) = yaml.compose(yamlText, into: &diagnostics)
        guard isComposed else { return nil }
        let frontStart = source.location(line: 1, column: 1)
        guard let root else {
            diagnostics.append(.error(at: frontStart, "front matter is empty", hint: "add 'title:' and 'summary:' lines"))
            return nil
        }
        guard let mapping = root.mapping else {
            diagnostics.append(.error(
                at: location(of: root), "front matter must be a mapping of keys to values",
                hint: "write lines like 'title: The VAE loss'"))
            return nil
        }

        var title: String?, summary: String?, order: Int?, defaults: [String: String] = [:], thumbnail: String?
        var seen: [String: SourceLocation] = [:]
        var isValid = true
        for (keyNode, value) in mapping {
            guard let key = yaml.key(keyNode, among: Self.knownKeys, seen: &seen, into: &diagnostics) else {
                isValid = false
                continue
            }
            switch key {
            case "title": title = text(value, key: key, into: &diagnostics)
            case "summary": summary = text(value, key: key, into: &diagnostics)
            case "order":
                if let number = value.scalar.flatMap({ Int($0.string) }) {
                    order = number
                } else {
                    diagnostics.append(.error(at: location(of: value), "'order' must be an integer, like 'order: 3'"))
                    isValid = false
                }
            case "defaults":
                if let parsed = readDefaults(value, into: &diagnostics) { defaults = parsed } else { isValid = false }
            case "thumbnail":
                thumbnail = text(value, key: key, into: &diagnostics)
                thumbnailLocation = location(of: value)
                if thumbnail == nil { isValid = false }
            default:
                break  // reported by `key(_:among:seen:into:)`
            }
        }
        for (key, value) in [("title", title), ("summary", summary)] where value == nil && seen[key] == nil {
            diagnostics.append(.error(
                at: frontStart, "front matter has no '\(key)'",
                hint: "add a line '\(key): …' between the '---' lines"))
        }
        guard isValid, let title, let summary else { return nil }
        return FrontMatter(title: title, summary: summary, order: order, defaults: defaults, thumbnail: thumbnail)
    }

    /// Lesson-wide cell attribute defaults, validated by the same rules as the attributes themselves.
    private func readDefaults(_ node: Node, into diagnostics: inout [Diagnostic]) -> [String: String]? {
        guard let mapping = node.mapping else {
            diagnostics.append(.error(
                at: location(of: node), "'defaults' must be a mapping, like 'defaults: {seed: 7, timeout: 60}'"))
            return nil
        }
        var defaults: [String: String] = [:]
        var isValid = true
        let allowed = CellAttributeRule.all.filter(\.allowsDefault).map(\.name)
        for (keyNode, valueNode) in mapping {
            guard let key = keyNode.scalar?.string, let value = valueNode.scalar?.string else {
                diagnostics.append(.error(at: location(of: keyNode), "each default must be a 'name: value' pair"))
                isValid = false
                continue
            }
            guard let rule = CellAttributeRule.named(key), rule.allowsDefault else {
                let hint = SpellingSuggestion.hint(for: key, among: allowed)
                    ?? "defaults can be given for: \(allowed.joined(separator: ", "))"
                diagnostics.append(.error(at: location(of: keyNode), "'\(key)' cannot have a lesson-wide default", hint: hint))
                isValid = false
                continue
            }
            if let problem = rule.problem(value) {
                diagnostics.append(.error(at: location(of: valueNode), problem))
                isValid = false
                continue
            }
            defaults[key] = value
        }
        return isValid ? defaults : nil
    }

    private func text(_ node: Node, key: String, into diagnostics: inout [Diagnostic]) -> String? {
        yaml.text(node, key: key, into: &diagnostics)
    }

    private func location(of node: Node) -> SourceLocation { yaml.location(of: node) }
}
