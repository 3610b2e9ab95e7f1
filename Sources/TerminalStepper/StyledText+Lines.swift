extension StyledText {
    /// The text split at line breaks, each run keeping its style.
    func lines() -> [StyledText] {
        var lines: [StyledText] = [StyledText()]
        for span in spans {
            var first = true
            for piece in span.text.split(separator: "\n", omittingEmptySubsequences: false) {
                if !first { lines.append(StyledText()) }
                first = false
                lines[lines.count - 1].append(String(piece), style: span.style)
            }
        }
        return lines
    }

    /// The line cut into pieces of at most `width` columns, keeping every space (for code,
    /// where indentation matters); an empty line stays one empty piece.
    func chunked(width: Int) -> [StyledText] {
        var pieces: [StyledText] = [StyledText()]
        var used = 0
        for span in spans {
            for character in span.text {
                let characterWidth = TextWidth.of(character)
                if used + characterWidth > max(width, 1), used > 0 {
                    pieces.append(StyledText())
                    used = 0
                }
                pieces[pieces.count - 1].append(String(character), style: span.style)
                used += characterWidth
            }
        }
        return pieces
    }

    /// The text cut to `width` columns, ending in `…` when something was cut.
    func truncated(toWidth width: Int) -> StyledText {
        guard self.width > width else { return self }
        guard width > 0 else { return StyledText() }
        var result = StyledText()
        var used = 0
        var lastStyle = TextStyle.plain
        for span in spans {
            for character in span.text {
                let characterWidth = TextWidth.of(character)
                if used + characterWidth > width - 1 {
                    result.append("…", style: lastStyle)
                    return result
                }
                result.append(String(character), style: span.style)
                used += characterWidth
                lastStyle = span.style
            }
        }
        return result
    }

    /// A copy with every run's style changed by `change`.
    func restyled(_ change: (inout TextStyle) -> Void) -> StyledText {
        StyledText(spans: spans.map { span in
            var style = span.style
            change(&style)
            return StyledSpan(span.text, style: style)
        })
    }
}
