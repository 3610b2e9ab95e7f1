/// Breaks styled text into lines that fit a terminal width.
public enum TextWrapper {
    /// Wraps `text` greedily at spaces to lines of at most `width` columns, measured with
    /// ``TextWidth``; `\n` always breaks, and spaces at the end of a line are dropped.
    /// `firstPrefix` starts the first line and `restPrefix` every other one, as for list
    /// bullets and quote bars.
    ///
    /// No-break spaces (``noBreakSpace``) keep what they join on one line, as an inline formula,
    /// unless it is wider than a line: then it breaks at them. A word wider than a line breaks
    /// where `wideWords` allows, and only a part of it still wider than a line is cut between
    /// characters.
    public static func wrap(_ text: StyledText, width: Int, firstPrefix: StyledText = StyledText(), restPrefix: StyledText = StyledText(),
                            wideWords: WideWordBreaks = .characters) -> [StyledText] {
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
                    // A formula wider than a line starts where it stands, breaking at its spaces.
                    if wordWidth <= width - restPrefix.width || !word.plainText.contains(noBreakSpace) { startLine() }
                }
                if !lineHasWords, lineWidth + wordWidth <= width {
                    line.append(word)
                    lineWidth += wordWidth
                    lineHasWords = true
                    continue
                }
                // The word is wider than a whole line: break it where it allows, and cut a part
                // still wider than a line between characters.
                for (index, (space, part)) in parts(of: word, breaks: wideWords).enumerated() {
                    let space = index == 0 ? pendingSpace + space : space
                    let partWidth = part.width
                    if lineHasWords, lineWidth + space.width + partWidth > width { startLine() }
                    if lineHasWords {
                        line.append(space)
                        lineWidth += space.width
                    }
                    pendingSpace = StyledText()
                    if lineWidth + partWidth <= width {
                        line.append(part)
                        lineWidth += partWidth
                        lineHasWords = true
                        continue
                    }
                    for span in part.spans {
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
        }
        if lineHasWords || (lines.isEmpty && !text.isEmpty) { lines.append(line) }
        return lines
    }

    /// Wraps plain text; see ``wrap(_:width:firstPrefix:restPrefix:)``.
    public static func wrap(_ text: String, width: Int) -> [String] {
        wrap(StyledText(text), width: width).map(\.plainText)
    }

    /// A space that joins what it stands between, as the spaces inside an inline formula do;
    /// a line breaks there only when what it joins is wider than the line.
    public static let noBreakSpace: Character = "\u{00A0}"

    /// Where a word wider than a whole line may break, besides after a ``noBreakSpace``.
    public enum WideWordBreaks: Sendable {
        /// Anywhere: prose, where such a word is a long address or name.
        case characters
        /// Between tokens of code, never inside an identifier or a number: after an opening
        /// bracket, a comma, a colon or a semicolon, before a `.` of member access or an
        /// operator; never before a closing bracket or punctuation.
        case code
    }

    /// `word` in the parts a line may break between, in order, each with the no-break spaces
    /// before it, which a line that breaks there drops.
    private static func parts(of word: StyledText, breaks: WideWordBreaks) -> [(space: StyledText, text: StyledText)] {
        let characters = word.spans.flatMap { span in span.text.map { (character: $0, style: span.style) } }
        var parts: [(space: StyledText, text: StyledText)] = []
        var space = StyledText()
        var part = StyledText()
        for (index, entry) in characters.enumerated() {
            if entry.character == noBreakSpace {
                if !part.isEmpty { parts.append((space, part)); space = StyledText(); part = StyledText() }
                space.append(String(entry.character), style: entry.style)
                continue
            }
            let context = (before: index >= 2 ? characters[index - 2].character : nil,
                           next: index + 1 < characters.count ? characters[index + 1].character : nil)
            if !part.isEmpty, breaks == .code,
               breaksCode(between: characters[index - 1].character, and: entry.character, before: context.before, next: context.next) {
                parts.append((space, part))
                space = StyledText()
                part = StyledText()
            }
            part.append(String(entry.character), style: entry.style)
        }
        if !part.isEmpty || !space.isEmpty { parts.append((space, part)) }
        return parts
    }

    private static let openers: Set<Character> = ["(", "[", "{", ",", ":", ";"]
    private static let closers: Set<Character> = [")", "]", "}", ",", ":", ";", "."]
    private static let operatorCharacters: Set<Character> = ["+", "-", "*", "/", "=", "<", ">", "!", "&", "|", "^", "%", "~", "?"]

    /// Whether code may break between `previous` and `character`; `before` precedes `previous`
    /// and `next` follows `character`.
    private static func breaksCode(between previous: Character, and character: Character, before: Character?, next: Character?) -> Bool {
        if character == "." {
            // Member access (`data.test`, `f(x).map`), not a decimal point (`0.5`) nor `...`.
            let afterName = previous.isLetter || previous == "_" || previous == ")" || previous == "]"
            let beforeName = next.map { $0.isLetter || $0 == "_" } ?? false
            return afterName && beforeName
        }
        if closers.contains(character) { return false }
        if openers.contains(previous) || ")]}".contains(previous) { return true }
        // Before an operator, never inside one (`->`, `==`), between a sign and its number nor
        // in an exponent (`3e-3`).
        let isExponent = (previous == "e" || previous == "E") && (before?.isNumber ?? false)
        return operatorCharacters.contains(character) && !operatorCharacters.contains(previous) && previous != "." && !isExponent
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
