import LessonModel

/// The words of a fenced code block's info string, read from the raw source so that quoted values
/// keep their exact text: `swift cell id=train caption="Loss \"per\" epoch" hidden`.
struct InfoString {
    /// One word: a bare word (`cell`, `hidden`) or a `key=value` pair.
    struct Word {
        var key: String
        /// The value with quotes and escapes removed; nil for a bare word.
        var value: String?
        var range: SourceRange
    }

    var words: [Word]

    /// Splits `bytes`, which start at file `line` and byte `column`, into words.
    init(_ bytes: ArraySlice<UInt8>, line: Int, column: Int, source: LessonSource, diagnostics: inout [Diagnostic]) {
        let text = Array(bytes)
        func location(_ index: Int) -> SourceLocation { source.location(line: line, column: column + index) }
        func isSpace(_ byte: UInt8) -> Bool { byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }

        var words: [Word] = []
        var index = 0
        while index < text.count {
            if isSpace(text[index]) { index += 1; continue }
            let start = index
            while index < text.count, !isSpace(text[index]), text[index] != UInt8(ascii: "=") { index += 1 }
            let key = String(decoding: text[start..<index], as: UTF8.self)
            var value: String?
            if index < text.count, text[index] == UInt8(ascii: "=") {
                index += 1
                if index < text.count, text[index] == UInt8(ascii: "\"") {
                    let quote = index
                    index += 1
                    var unquoted: [UInt8] = []
                    var isClosed = false
                    while index < text.count {
                        let byte = text[index]
                        index += 1
                        if byte == UInt8(ascii: "\"") { isClosed = true; break }
                        if byte == UInt8(ascii: "\\"), index < text.count,
                           text[index] == UInt8(ascii: "\"") || text[index] == UInt8(ascii: "\\") {
                            unquoted.append(text[index])
                            index += 1
                        } else {
                            unquoted.append(byte)
                        }
                    }
                    if !isClosed {
                        diagnostics.append(.error(
                            at: location(quote), "unterminated quoted value of '\(key)'",
                            hint: "close the value with '\"'; write \\\" for a quote inside it"))
                    }
                    value = String(decoding: unquoted, as: UTF8.self)
                } else {
                    let valueStart = index
                    while index < text.count, !isSpace(text[index]) { index += 1 }
                    value = String(decoding: text[valueStart..<index], as: UTF8.self)
                }
            }
            words.append(Word(key: key, value: value, range: SourceRange(start: location(start), end: location(max(start, index - 1)))))
        }
        self.words = words
    }
}
