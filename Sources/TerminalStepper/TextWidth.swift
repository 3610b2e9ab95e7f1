/// How many terminal columns text takes.
///
/// East Asian wide and fullwidth characters and emoji take two columns; combining marks,
/// zero-width and format characters, control characters and ANSI escape sequences (SGR
/// styles, OSC 8 hyperlinks) take none; everything else takes one.
public enum TextWidth {
    /// The display width of `text`, skipping escape sequences.
    public static func of(_ text: String) -> Int {
        var width = 0
        var scanner = EscapeScanner()
        for character in text where !scanner.consume(character) {
            width += of(character)
        }
        return width
    }

    /// The display width of one character (grapheme cluster), which is never part of an
    /// escape sequence.
    public static func of(_ character: Character) -> Int {
        let scalars = character.unicodeScalars
        guard let first = scalars.first else { return 0 }
        let base = of(first)
        // An emoji presentation selector widens a text-style symbol such as ♥ to an emoji.
        if base == 1, scalars.contains("\u{FE0F}"), first.properties.isEmoji { return 2 }
        return base
    }

    /// The display width of one scalar on its own.
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value < 0x20 || (0x7F..<0xA0).contains(value) { return 0 }
        if value < 0x300 { return 1 }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        // Hangul medial vowels and final consonants join the preceding syllable.
        if (0x1160...0x11FF).contains(value) || scalar.properties.isVariationSelector { return 0 }
        if scalar.properties.isEmojiPresentation { return 2 }
        return wideRanges.contains { $0.contains(value) } ? 2 : 1
    }

    /// East Asian Wide and Fullwidth blocks that are not emoji.
    private static let wideRanges: [ClosedRange<UInt32>] = [
        0x1100...0x115F, 0x2329...0x232A, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF,
        0x4E00...0x9FFF, 0xA000...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF,
        0xFE10...0xFE19, 0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x16FE0...0x16FE4,
        0x17000...0x18CFF, 0x1B000...0x1B2FF, 0x1F200...0x1F2FF, 0x20000...0x2FFFD, 0x30000...0x3FFFD,
    ]
}

/// Recognizes ANSI escape sequences one character at a time: CSI (`ESC [ … final`), OSC
/// (`ESC ] … BEL` or `ESC ] … ESC \`) and two-character escapes.
struct EscapeScanner {
    private enum State { case text, escape, csi, osc, oscEscape }
    private var state = State.text

    /// Whether `character` belongs to an escape sequence (and so has no width).
    mutating func consume(_ character: Character) -> Bool {
        switch state {
        case .text:
            guard character == "\u{1B}" else { return false }
            state = .escape
        case .escape:
            state = character == "[" ? .csi : character == "]" ? .osc : .text
        case .csi:
            if let scalar = character.unicodeScalars.first, (0x40...0x7E).contains(scalar.value) { state = .text }
        case .osc:
            if character == "\u{7}" { state = .text } else if character == "\u{1B}" { state = .oscEscape }
        case .oscEscape:
            state = character == "\\" ? .text : .osc
        }
        return true
    }
}
