/// Breaks styled text into lines that fit a terminal width.
public enum TextWrapper {
    /// Wraps `text` greedily at spaces to lines of at most `width` columns, measured with
    /// ``TextWidth``. A word longer than a line is broken between characters; `\n` always
    /// breaks. Spaces at the end of a line are dropped. `firstPrefix` starts the first line
    /// and `restPrefix` every other one, as for list bullets and quote bars.
    public static func wrap(_ text: StyledText, width: Int, firstPrefix: StyledText = StyledText(), restPrefix: StyledText = StyledText()) -> [StyledText] {
        var lines: [StyledText] = []
        var line = firstPrefix
        var lineWidth = firstPrefix.width
        var lineHasWords = false
        var pendingSpace = StyledText()

        func startLine() {
            lines.append(line)
            line = restPrefix
            lineWidth = restPrefix.width
            lineHasWords = false
            pendingSpace = StyledText()
        }

        for piece in pieces(of: text) {
            switch piece {
            case .lineBreak:
                startLine()
            case .space(let space):
                if lineHasWords { pendingSpace.append(space) }
            case .word(let word):
                let wordWidth = word.width
                if lineHasWords {
                    if lineWidth + pendingSpace.width + wordWidth <= width {
                        line.append(pendingSpace)
                        line.append(word)
                        lineWidth += pendingSpace.width + wordWidth
                        pendingSpace = StyledText()
                        continue
                    }
                    startLine()
                }
                if lineWidth + wordWidth <= width {
                    line.append(word)
                    lineWidth += wordWidth
                    lineHasWords = true
                    continue
                }
                // The word is wider than a whole line: cut it between characters.
                for span in word.spans {
                    for character in span.text {
                        let characterWidth = TextWidth.of(character)
                        if lineHasWords, lineWidth + characterWidth > width { startLine() }
                        line.append(String(character), style: span.style)
                        lineWidth += characterWidth
                        lineHasWords = true
                    }
                }
            }
        }
        if lineHasWords || (lines.isEmpty && !text.isEmpty) { lines.append(line) }
        return lines
    }

    /// Wraps plain text; see ``wrap(_:width:firstPrefix:restPrefix:)``.
    public static func wrap(_ text: String, width: Int) -> [String] {
        wrap(StyledText(text), width: width).map(\.plainText)
    }

    private enum Piece {
        case word(StyledText)
        case space(StyledText)
        case lineBreak
    }

    /// Splits text into words (which may change style midway), runs of spaces and line breaks.
    private static func pieces(of text: StyledText) -> [Piece] {
        var pieces: [Piece] = []
        var word = StyledText()
        var space = StyledText()
        for span in text.spans {
            for character in span.text {
                if character == "\n" || character == "\r\n" {
                    if !word.isEmpty { pieces.append(.word(word)); word = StyledText() }
                    if !space.isEmpty { pieces.append(.space(space)); space = StyledText() }
                    pieces.append(.lineBreak)
                } else if character == " " || character == "\t" {
                    if !word.isEmpty { pieces.append(.word(word)); word = StyledText() }
                    space.append(" ", style: span.style)
                } else {
                    if !space.isEmpty { pieces.append(.space(space)); space = StyledText() }
                    word.append(String(character), style: span.style)
                }
            }
        }
        if !word.isEmpty { pieces.append(.word(word)) }
        return pieces
    }
}
