import MarkupEscaping
import SyntaxHighlighting

/// Writes code for a `<pre class="hl"><code>` box: highlighted Swift, or escaped text for any
/// other language, one `<span class="line">` per source line.
///
/// Code boxes wrap long lines rather than hide their ends past the box's edge, since included
/// library code is read, doc comments and all, and a reader should not have to scroll each line
/// sideways to its end. The line elements let the style sheet hang a wrapped line's
/// continuation rows past the line's own indentation, which each line carries in its `--indent`
/// property, and mark them, so a continuation never reads as a line of its own. Every line but
/// the last ends with its newline inside its element, so the box's text, and what a reader
/// copies from it, is the source exactly.
enum CodeLines {
    /// The lines of `text` (a final newline dropped) as HTML.
    static func html(_ text: String, language: String?) -> String {
        let text = MarkupEscaping.replacingForbiddenCharacters(text.hasSuffix("\n") ? String(text.dropLast()) : text)
        let tokens = language == "swift" ? SwiftLexer.tokenize(text) : [Token(.plain, text)]
        var lines: [[Token]] = [[]]
        for token in tokens {
            let pieces = token.text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }
            for (index, piece) in pieces.enumerated() {
                if index > 0 { lines.append([]) }
                if !piece.isEmpty { lines[lines.count - 1].append(Token(token.kind, String(piece))) }
            }
        }
        return lines.enumerated().map { number, tokens in
            let (indentation, code) = splitIndentation(tokens)
            let columns = indentation.reduce(0) { $1 == "\t" ? $0 + 4 - $0 % 4 : $0 + 1 }
            var html = "<span class=\"line\"\(columns > 0 ? " style=\"--indent: \(columns)ch\"" : "")>"
            // Kept apart so the line cannot wrap between its indentation and its code, which
            // would leave a blank row.
            if !indentation.isEmpty { html += "<span class=\"indent\">\(indentation)</span>" }
            html += HTMLHighlighter.render(code) + (number < lines.count - 1 ? "\n" : "")
            return html + "</span>"
        }.joined()
    }

    /// A line's leading spaces and tabs, and its tokens without them.
    private static func splitIndentation(_ tokens: [Token]) -> (indentation: String, code: [Token]) {
        var indentation = ""
        var code = tokens[...]
        while var first = code.first {
            let blanks = first.text.prefix { $0 == " " || $0 == "\t" }
            indentation += blanks
            guard blanks.count == first.text.count else {
                first.text.removeFirst(blanks.count)
                code[code.startIndex] = first
                break
            }
            code.removeFirst()
        }
        return (indentation, Array(code))
    }
}
