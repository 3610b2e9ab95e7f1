import LessonModel
import TeX

/// Finds `$…$` and `$$…$$` math in the prose of a lesson before cmark sees it.
///
/// cmark resolves backslash escapes, so LaTeX such as `\|` or `\{` would reach us mangled if we
/// read it from cmark's text. The scanner therefore takes each math span verbatim from the raw
/// source and overwrites it, byte for byte, with inert markers (U+0001 opens a span, U+0002
/// closes it, U+0003 fills it; newlines stay, so line and column numbers do not move). cmark then
/// parses the protected source, and `MathRestorer` swaps the markers back for the spans in
/// document order.
///
/// Only the content of paragraphs and headings (found by a first cmark parse) is scanned, and
/// within it code spans, autolinks, inline HTML and link destinations are skipped. The usual
/// dollar rules apply: an opening `$` is followed by a non-space, a closing `$` is preceded by a
/// non-space and not followed by a digit, and `\$` is a literal dollar. Since TeX math cannot
/// contain a bare `$`, the first unescaped `$` after an opener must be its closer, so
/// `$5 and $6, then $x$` is two prices and one formula. An opening `$` followed by
/// a digit that never closes is a price, not math; any other unclosed `$` or `$$` is an error,
/// and so is LaTeX that the `TeX` converter rejects (an unknown command, an unclosed brace).
struct MathScanner {
    /// One math span found in the source.
    struct Span {
        /// The LaTeX between the dollars, verbatim (display math trimmed of surrounding whitespace).
        var latex: String
        /// The parsed formula; nil when the LaTeX does not parse (the scan's diagnostics say why).
        var formula: MathFormula?
        /// Whether the span was written with `$$`.
        var isDisplay: Bool
        /// From the opening dollar to the closing dollar.
        var range: SourceRange
    }

    static let openMarker: UInt8 = 0x01
    static let closeMarker: UInt8 = 0x02
    static let fillMarker: UInt8 = 0x03

    /// A paragraph's or heading's text joined from its lines, remembering where each byte came from.
    private struct Segment {
        var textStart: Int
        var fileStart: Int
        var length: Int
    }

    let source: LessonSource

    /// Scans the inline content of `blocks` (paragraphs and headings from a first parse), returning
    /// the protected bytes and the spans in document order.
    func protect(_ blocks: [MarkdownNode], into diagnostics: inout [Diagnostic]) -> (bytes: [UInt8], spans: [Span]) {
        var protected = source.bytes
        var spans: [Span] = []
        for block in blocks {
            scan(block, protected: &protected, spans: &spans, diagnostics: &diagnostics)
        }
        return (protected, spans)
    }

    private func scan(_ block: MarkdownNode, protected: inout [UInt8], spans: inout [Span], diagnostics: inout [Diagnostic]) {
        var text: [UInt8] = []
        var segments: [Segment] = []
        for line in block.startLine...max(block.startLine, block.endLine) {
            let bytes = source.byteRange(ofLine: line)
            var start = bytes.lowerBound
            if line == block.startLine {
                start = min(bytes.upperBound, bytes.lowerBound + block.startColumn - 1)
            } else {
                // Skip the container prefix (`> `, list indentation), at most up to the block's column.
                while start < bytes.upperBound, start - bytes.lowerBound < block.startColumn - 1,
                      [UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: ">")].contains(source.bytes[start]) {
                    start += 1
                }
            }
            if !text.isEmpty { text.append(UInt8(ascii: "\n")) }
            segments.append(Segment(textStart: text.count, fileStart: start, length: bytes.upperBound - start))
            text += source.bytes[start..<bytes.upperBound]
        }

        func fileOffset(_ index: Int) -> Int? {
            var low = 0, high = segments.count - 1
            while low < high {
                let middle = (low + high + 1) / 2
                if segments[middle].textStart <= index { low = middle } else { high = middle - 1 }
            }
            let segment = segments[low]
            let offset = index - segment.textStart
            return offset < segment.length ? segment.fileStart + offset : nil
        }
        func location(_ index: Int) -> SourceLocation {
            source.location(ofOffset: fileOffset(index) ?? segments.last!.fileStart)
        }
        func record(_ start: Int, _ end: Int, latex: ArraySlice<UInt8>, isDisplay: Bool) {
            for index in start...end {
                guard let offset = fileOffset(index) else { continue }
                protected[offset] = index == start ? Self.openMarker : index == end ? Self.closeMarker : Self.fillMarker
            }
            let verbatim = String(decoding: latex, as: UTF8.self)
            let text = isDisplay ? verbatim.trimmingWhitespace : verbatim
            // Parsed now, once: `course check` finds what no renderer could show, at the very
            // character, and the renderers draw the parsed formula.
            var formula: MathFormula?
            do {
                formula = try MathFormula(latex: text)
            } catch {
                let leadingBytes = verbatim.utf8.count - String(verbatim.drop(while: \.isWhitespace)).utf8.count
                let textIndex = latex.startIndex + (isDisplay ? leadingBytes : 0) + error.location.utf8Offset
                diagnostics.append(.error(at: location(textIndex), "cannot convert math: \(error.message)", hint: error.hint))
            }
            spans.append(Span(latex: text, formula: formula, isDisplay: isDisplay, range: SourceRange(start: location(start), end: location(end))))
        }

        let count = text.count
        func byte(_ index: Int) -> UInt8? { index < count ? text[index] : nil }
        var index = 0
        while index < count {
            switch text[index] {
            case UInt8(ascii: "\\"):
                index += byte(index + 1).map { isASCIIPunctuation($0) ? 2 : 1 } ?? 1
            case UInt8(ascii: "`"):
                index = endOfCodeSpan(text, at: index)
            case UInt8(ascii: "<"):
                index = endOfAngleBrackets(text, at: index)
            case UInt8(ascii: "]") where byte(index + 1) == UInt8(ascii: "("):
                index = endOfLinkDestination(text, at: index + 1)
            case UInt8(ascii: "$") where byte(index + 1) == UInt8(ascii: "$"):
                if let close = closingDisplayDollars(text, from: index + 2) {
                    if text[(index + 2)..<close].allSatisfy(isWhitespace) {
                        diagnostics.append(.error(at: location(index), "empty display math '$$$$'", hint: "write '\\$\\$' for literal dollar signs"))
                    } else {
                        record(index, close + 1, latex: text[(index + 2)..<close], isDisplay: true)
                    }
                    index = close + 2
                } else {
                    diagnostics.append(.error(
                        at: location(index), "unterminated display math: '$$' is never closed",
                        hint: "close it with '$$' in the same paragraph, or write '\\$\\$' for literal dollar signs"))
                    index += 2
                }
            case UInt8(ascii: "$"):
                guard let next = byte(index + 1), !isWhitespace(next) else {
                    index += 1
                    continue
                }
                if let close = closingDollar(text, from: index + 1) {
                    record(index, close, latex: text[(index + 1)..<close], isDisplay: false)
                    index = close + 1
                } else {
                    if !isDigit(next) {
                        diagnostics.append(.error(
                            at: location(index), "unterminated math: '$' is never closed",
                            hint: "close it with '$' in the same paragraph, or write '\\$' for a dollar sign"))
                    }
                    index += 1
                }
            default:
                index += 1
            }
        }
    }

    /// The index just after a code span starting at `index`, or after the backtick run if it never closes.
    private func endOfCodeSpan(_ text: [UInt8], at index: Int) -> Int {
        let run = backtickRun(text, at: index)
        var search = index + run
        while search < text.count {
            if text[search] == UInt8(ascii: "`") {
                let closing = backtickRun(text, at: search)
                if closing == run { return search + closing }
                search += closing
            } else {
                search += 1
            }
        }
        return index + run
    }

    private func backtickRun(_ text: [UInt8], at index: Int) -> Int {
        var end = index
        while end < text.count, text[end] == UInt8(ascii: "`") { end += 1 }
        return end - index
    }

    /// The index after an autolink or inline HTML tag starting at `index`, or `index + 1` if it is a plain `<`.
    private func endOfAngleBrackets(_ text: [UInt8], at index: Int) -> Int {
        guard index + 1 < text.count else { return index + 1 }
        let next = text[index + 1]
        let startsTag = isLetter(next) || next == UInt8(ascii: "/") || next == UInt8(ascii: "!") || next == UInt8(ascii: "?")
        guard startsTag, let close = text[(index + 1)...].firstIndex(of: UInt8(ascii: ">")) else { return index + 1 }
        return close + 1
    }

    /// The index after the `)` that closes a link destination opened at `open`, or `open + 1`.
    private func endOfLinkDestination(_ text: [UInt8], at open: Int) -> Int {
        var depth = 0
        var index = open
        while index < text.count {
            switch text[index] {
            case UInt8(ascii: "\\"): index += 1
            case UInt8(ascii: "("): depth += 1
            case UInt8(ascii: ")"):
                depth -= 1
                if depth == 0 { return index + 1 }
            default: break
            }
            index += 1
        }
        return open + 1
    }

    /// The index of the first `$$` at or after `start` that is neither escaped nor in a code span.
    private func closingDisplayDollars(_ text: [UInt8], from start: Int) -> Int? {
        var index = start
        while index + 1 < text.count {
            if text[index] == UInt8(ascii: "\\") { index += 2; continue }
            if text[index] == UInt8(ascii: "`") { index = endOfCodeSpan(text, at: index); continue }
            if text[index] == UInt8(ascii: "$"), text[index + 1] == UInt8(ascii: "$") { return index }
            index += 1
        }
        return nil
    }

    /// The index of the `$` that closes inline math opened just before `start`, if the next
    /// unescaped `$` is a valid closer; a code span in between belongs to the prose, so dollars
    /// inside it are skipped.
    private func closingDollar(_ text: [UInt8], from start: Int) -> Int? {
        var index = start
        while index < text.count {
            if text[index] == UInt8(ascii: "\\") { index += 2; continue }
            if text[index] == UInt8(ascii: "`") { index = endOfCodeSpan(text, at: index); continue }
            if text[index] == UInt8(ascii: "$") {
                // TeX math cannot hold a bare `$`, so the first one decides: a closer or nothing.
                let closes = index > start && !isWhitespace(text[index - 1]) && !(index + 1 < text.count && isDigit(text[index + 1]))
                return closes ? index : nil
            }
            index += 1
        }
        return nil
    }

    private func isWhitespace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n")
    }

    private func isDigit(_ byte: UInt8) -> Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }

    private func isLetter(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20)
    }

    private func isASCIIPunctuation(_ byte: UInt8) -> Bool {
        (0x21...0x2F).contains(byte) || (0x3A...0x40).contains(byte) || (0x5B...0x60).contains(byte) || (0x7B...0x7E).contains(byte)
    }
}
