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

    private func read(yaml: String, into diagnostics: inout [Diagnostic], thumbnailLocation: inout SourceLocation?) -> FrontMatter? {
        let root: Node?
        do {
            // Values are read as the text they are written as, so no tag is resolved: the basic
            // resolver spares compiling the default one's regular expressions on every start.
            root = try Yams.compose(yaml: yaml, .basic)
        } catch let error as YamlError {
            diagnostics.append(diagnostic(for: error))
            return nil
        } catch {
            diagnostics.append(.error(at: source.location(line: 2, column: 1), "invalid front matter: \(error)"))
            return nil
        }
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
            let keyLocation = location(of: keyNode)
            guard let key = keyNode.scalar?.string else {
                diagnostics.append(.error(at: keyLocation, "front matter keys must be plain words"))
                isValid = false
                continue
            }
            if let first = seen[key] {
                diagnostics.append(.error(
                    at: keyLocation, "duplicate front matter key '\(key)'",
                    notes: [.note(at: first, "'\(key)' is first given here")]))
                isValid = false
                continue
            }
            seen[key] = keyLocation
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
                let hint = SpellingSuggestion.hint(for: key, among: Self.knownKeys)
                    ?? "known keys: \(Self.knownKeys.joined(separator: ", "))"
                diagnostics.append(.error(at: keyLocation, "unknown front matter key '\(key)'", hint: hint))
                isValid = false
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

    /// A non-empty single-line string value.
    private func text(_ node: Node, key: String, into diagnostics: inout [Diagnostic]) -> String? {
        guard let scalar = node.scalar else {
            diagnostics.append(.error(at: location(of: node), "'\(key)' must be text, not a list or mapping"))
            return nil
        }
        let value = scalar.string.trimmingTrailingWhitespace
        guard !value.isEmpty, !(scalar.style == .plain && ["~", "null", "Null", "NULL"].contains(value)) else {
            diagnostics.append(.error(at: location(of: node), "'\(key)' must not be empty"))
            return nil
        }
        return value
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

    /// The file location of a YAML node; YAML line 1 is file line 2, just after the opening `---`.
    private func location(of node: Node) -> SourceLocation {
        guard let mark = node.mark else { return source.location(line: 2, column: 1) }
        return location(ofYAMLLine: mark.line, scalarColumn: mark.column)
    }

    private func location(ofYAMLLine line: Int, scalarColumn: Int) -> SourceLocation {
        let fileLine = line + 1
        // Yams counts columns in Unicode scalars; diagnostics count UTF-8 bytes.
        let text = source.text(ofLine: fileLine)
        let prefix = text.unicodeScalars.prefix(max(0, scalarColumn - 1))
        let column = prefix.reduce(0) { $0 + String($1).utf8.count } + 1 + max(0, scalarColumn - 1 - prefix.count)
        return source.location(line: fileLine, column: column)
    }

    private func diagnostic(for error: YamlError) -> Diagnostic {
        switch error {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            let location = location(ofYAMLLine: mark.line, scalarColumn: mark.column)
            var notes: [Diagnostic] = []
            if let context {
                notes.append(.note(at: self.location(ofYAMLLine: context.mark.line, scalarColumn: context.mark.column), context.text))
            }
            return .error(
                at: location, "invalid YAML in front matter: \(problem)",
                hint: "quote values that contain ':' or start with a special character, e.g. title: \"A: B\"",
                notes: notes)
        default:
            return .error(at: source.location(line: 2, column: 1), "invalid YAML in front matter: \(error)")
        }
    }
}
