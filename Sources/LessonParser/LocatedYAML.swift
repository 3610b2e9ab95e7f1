import LessonModel
import Spelling
import Yams

/// YAML inside a file, read with Yams, with its nodes and errors located in that file: a
/// lesson's front matter, or `course.yml`.
struct LocatedYAML {
    let source: LessonSource
    /// The file line of the YAML's first line: 2 in a front matter (after its `---`), 1 in `course.yml`.
    let firstLine: Int
    /// What the YAML is called in messages, such as "front matter".
    let name: String

    /// The YAML's root node (nil when it is empty), or nil with a located error appended.
    func compose(_ yaml: String, into diagnostics: inout [Diagnostic]) -> (root: Node?, isValid: Bool) {
        do {
            // Values are read as the text they are written as, so no tag is resolved: the basic
            // resolver spares compiling the default one's regular expressions on every start.
            return (try Yams.compose(yaml: yaml, .basic), true)
        } catch let error as YamlError {
            diagnostics.append(diagnostic(for: error))
        } catch {
            diagnostics.append(.error(at: source.location(line: firstLine, column: 1), "invalid \(name): \(error)"))
        }
        return (nil, false)
    }

    /// The text of a mapping's key that is one of `knownKeys` and not in `seen` (which it joins,
    /// with its location); nil, with an error appended, for any other key.
    func key(_ node: Node, among knownKeys: [String], seen: inout [String: SourceLocation], into diagnostics: inout [Diagnostic]) -> String? {
        let keyLocation = location(of: node)
        guard let key = node.scalar?.string else {
            diagnostics.append(.error(at: keyLocation, "\(name) keys must be plain words"))
            return nil
        }
        if let first = seen[key] {
            diagnostics.append(.error(
                at: keyLocation, "duplicate \(name) key '\(key)'",
                notes: [.note(at: first, "'\(key)' is first given here")]))
            return nil
        }
        seen[key] = keyLocation
        guard knownKeys.contains(key) else {
            let hint = SpellingSuggestion.hint(for: key, among: knownKeys) ?? "known keys: \(knownKeys.joined(separator: ", "))"
            diagnostics.append(.error(at: keyLocation, "unknown \(name) key '\(key)'", hint: hint))
            return nil
        }
        return key
    }

    /// A non-empty single-line string value of `key`.
    func text(_ node: Node, key: String, into diagnostics: inout [Diagnostic]) -> String? {
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

    /// The file location of a YAML node.
    func location(of node: Node) -> SourceLocation {
        guard let mark = node.mark else { return source.location(line: firstLine, column: 1) }
        return location(ofYAMLLine: mark.line, scalarColumn: mark.column)
    }

    private func location(ofYAMLLine line: Int, scalarColumn: Int) -> SourceLocation {
        let fileLine = line + firstLine - 1
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
                at: location, "invalid YAML in \(name): \(problem)",
                hint: "quote values that contain ':' or start with a special character, e.g. title: \"A: B\"",
                notes: notes)
        default:
            return .error(at: source.location(line: firstLine, column: 1), "invalid YAML in \(name): \(error)")
        }
    }
}
