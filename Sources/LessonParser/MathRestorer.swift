import LessonModel

/// Puts the math spans that `MathScanner` protected back into cmark's inline text, in document order.
struct MathRestorer {
    let spans: [MathScanner.Span]
    /// How many spans have been restored so far.
    private(set) var consumed = 0
    /// Whether the text seen so far ended inside a protected span (spans may cross soft breaks).
    private var isInsideSpan = false

    init(spans: [MathScanner.Span]) {
        self.spans = spans
    }

    /// Whether a soft break at this point belongs to a span and must be dropped.
    var swallowsBreaks: Bool { isInsideSpan }

    /// Appends `text` to `inlines`, replacing each protected span with a math inline.
    mutating func append(_ text: String, to inlines: inout [Inline]) {
        let open = Unicode.Scalar(MathScanner.openMarker), close = Unicode.Scalar(MathScanner.closeMarker)
        let fill = Unicode.Scalar(MathScanner.fillMarker)
        var plain = String.UnicodeScalarView()
        func flush() {
            guard !plain.isEmpty else { return }
            Self.appendText(String(plain), to: &inlines)
            plain.removeAll()
        }
        for scalar in text.unicodeScalars {
            switch scalar {
            case open:
                flush()
                isInsideSpan = true
            case close:
                isInsideSpan = false
                if consumed < spans.count {
                    let span = spans[consumed]
                    // A span that did not parse has its error; the lesson fails, so its text is never shown.
                    inlines.append(span.formula.map { .math($0, display: span.isDisplay) } ?? .text(span.latex))
                    consumed += 1
                }
            case fill:
                break
            default:
                if !isInsideSpan { plain.append(scalar) }
            }
        }
        flush()
    }

    /// Appends text, merging it with a preceding text inline.
    static func appendText(_ text: String, to inlines: inout [Inline]) {
        if case .text(let previous)? = inlines.last {
            inlines[inlines.count - 1] = .text(previous + text)
        } else {
            inlines.append(.text(text))
        }
    }
}
