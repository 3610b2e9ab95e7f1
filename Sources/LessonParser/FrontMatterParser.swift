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
        /// The front matter: what of it is valid, with defaults for the rest (an empty title or
        /// summary, no order, defaults or thumbnail) when it is missing or broken, so the rest of
        /// the lesson can still be checked.
        var frontMatter: FrontMatter
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
    /// Whether a missing `summary:` is an error (a lesson being published: the site's index
    /// shows it) rather than a warning (a draft).
    var requiresSummary = true

    /// Parses the front matter, appending any problems to `diagnostics`.
    func parse(into diagnostics: inout [Diagnostic]) -> Result {
        guard source.lineCount > 0, isFence(source.text(ofLine: 1), closing: false) else {
            diagnostics.append(.error(
                at: source.location(line: 1, column: 1), "lesson has no front matter",
                hint: "start the file with '---', a 'title:' line, a 'summary:' line and '---'"))
            return Result(frontMatter: Self.empty, lines: nil, bodyIsUsable: true)
        }
        guard let closing = (2...max(2, source.lineCount)).first(where: {
            $0 <= source.lineCount && isFence(source.text(ofLine: $0), closing: true)
        }) else {
            diagnostics.append(.error(
                at: source.location(line: 1, column: 1), "unterminated front matter",
                hint: "end the front matter with a line '---' before the lesson's text"))
            return Result(frontMatter: Self.empty, lines: nil, bodyIsUsable: false)
        }
        let yaml = (2..<closing).map { source.text(ofLine: $0) }.joined(separator: "\n")
        var thumbnailLocation: SourceLocation?
        let frontMatter = read(yaml: yaml, into: &diagnostics, thumbnailLocation: &thumbnailLocation)
        return Result(frontMatter: frontMatter, lines: 1...closing, bodyIsUsable: true, thumbnailLocation: thumbnailLocation)
    }

    /// The front matter a lesson without a usable one is checked with.
    static let empty = FrontMatter(title: "", summary: "")

    private func isFence(_ line: String, closing: Bool) -> Bool {
        let trimmed = line.trimmingTrailingWhitespace
        return trimmed == "---" || (closing && trimmed == "...")
    }

    private var yaml: LocatedYAML { LocatedYAML(source: source, firstLine: 2, name: "front matter") }

    /// Reads what it can of the front matter; a key whose value is invalid is reported and left
    /// at its default.
    private func read(yaml yamlText: String, into diagnostics: inout [Diagnostic], thumbnailLocation: inout SourceLocation?) -> FrontMatter {
        let (root, isComposed) = yaml.compose(yamlText, into: &diagnostics)
        guard isComposed else { return Self.empty }
        let frontStart = source.location(line: 1, column: 1)
        guard let root else {
            diagnostics.append(.error(at: frontStart, "front matter is empty", hint: "add 'title:' and 'summary:' lines"))
            return Self.empty
        }
        guard let mapping = root.mapping else {
            diagnostics.append(.error(
                at: location(of: root), "front matter must be a mapping of keys to values",
                hint: "write lines like 'title: The VAE loss'"))
            return Self.empty
        }

        var title: String?, summary: String?, order: Int?, defaults: [String: String] = [:], thumbnail: String?
        var seen: [String: SourceLocation] = [:]
        for (keyNode, value) in mapping {
            guard let key = yaml.key(keyNode, among: Self.knownKeys, seen: &seen, into: &diagnostics) else { continue }
            switch key {
            case "title": title = text(value, key: key, into: &diagnostics)
            case "summary": summary = text(value, key: key, into: &diagnostics)
            case "order":
                if let number = value.scalar.flatMap({ Int($0.string) }) {
                    order = number
                } else {
                    diagnostics.append(.error(at: location(of: value), "'order' must be an integer, like 'order: 3'"))
                }
            case "defaults":
                defaults = readDefaults(value, into: &diagnostics)
            case "thumbnail":
                thumbnail = text(value, key: key, into: &diagnostics)
                thumbnailLocation = location(of: value)
            default:
                break  // reported by `key(_:among:seen:into:)`
            }
        }
        if title == nil && seen["title"] == nil {
            diagnostics.append(.error(
                at: frontStart, "front matter has no 'title'", hint: "add a line 'title: …' between the '---' lines"))
        }
        if summary == nil && seen["summary"] == nil {
            // A draft may go without a summary; the site's index, which shows it, may not.
            diagnostics.append(Diagnostic(
                requiresSummary ? .error : .warning, at: frontStart, "front matter has no 'summary'",
                hint: "add a line 'summary: …' between the '---' lines; 'course build' needs it for the course's home page"))
        }
        return FrontMatter(title: title ?? "", summary: summary ?? "", order: order, defaults: defaults, thumbnail: thumbnail)
    }

    /// Lesson-wide cell attribute defaults, validated by the same rules as the attributes
    /// themselves; the valid ones.
    private func readDefaults(_ node: Node, into diagnostics: inout [Diagnostic]) -> [String: String] {
        guard let mapping = node.mapping else {
            diagnostics.append(.error(
                at: location(of: node), "'defaults' must be a mapping, like 'defaults: {seed: 7, timeout: 60}'"))
            return [:]
        }
        var defaults: [String: String] = [:]
        let allowed = CellAttributeRule.all.filter(\.allowsDefault).map(\.name)
        for (keyNode, valueNode) in mapping {
            guard let key = keyNode.scalar?.string, let value = valueNode.scalar?.string else {
                diagnostics.append(.error(at: location(of: keyNode), "each default must be a 'name: value' pair"))
                continue
            }
            guard let rule = CellAttributeRule.named(key), rule.allowsDefault else {
                let hint = SpellingSuggestion.hint(for: key, among: allowed)
                    ?? "defaults can be given for: \(allowed.joined(separator: ", "))"
                diagnostics.append(.error(at: location(of: keyNode), "'\(key)' cannot have a lesson-wide default", hint: hint))
                continue
            }
            if let problem = rule.problem(value) {
                diagnostics.append(.error(at: location(of: valueNode), problem))
                continue
            }
            defaults[key] = value
        }
        return defaults
    }

    private func text(_ node: Node, key: String, into diagnostics: inout [Diagnostic]) -> String? {
        yaml.text(node, key: key, into: &diagnostics)
    }

    private func location(of node: Node) -> SourceLocation { yaml.location(of: node) }
}
