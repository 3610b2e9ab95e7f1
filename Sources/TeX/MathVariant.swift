/// The alphabets of `\mathbf`, `\mathbb`, `\mathcal` and friends.
///
/// Both renderers spell styled letters with the Unicode Mathematical Alphanumeric Symbols
/// (`\mathbb{R}` is `ℝ`, `\mathbf{z}` is `𝐳`). MathML Core, and so Chromium, ignores every
/// `mathvariant` value except `normal`, so the characters themselves must carry the style.
public enum MathVariant: String, Equatable, Sendable, CaseIterable {
    /// `\mathrm`: upright letters.
    case normal
    /// `\mathbf`: bold upright letters, digits and Greek.
    case bold
    /// `\mathit`: italic letters.
    case italic
    /// `\boldsymbol` and `\bm`: bold italic letters and Greek.
    case boldItalic
    /// `\mathcal` and `\mathscr`: script capitals.
    case script
    /// `\mathfrak`: Fraktur letters.
    case fraktur
    /// `\mathbb`: double-struck letters and digits.
    case doubleStruck
    /// `\mathsf`: sans-serif letters and digits.
    case sansSerif
    /// `\mathtt`: monospace letters and digits.
    case monospace

    /// Maps every character that has a styled form in this alphabet and keeps the others.
    public func apply(to text: String) -> String {
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars { result.append(apply(to: scalar)) }
        return String(result)
    }

    /// The styled form of one character, or the character itself when the alphabet lacks it.
    public func apply(to scalar: Unicode.Scalar) -> Unicode.Scalar {
        let value = scalar.value
        if let exception = Self.exceptions[self]?[scalar] { return exception }
        let mapped: UInt32?
        switch value {
        case 0x41...0x5A: mapped = latinBase.map { $0 + value - 0x41 }
        case 0x61...0x7A: mapped = latinBase.map { $0 + 26 + value - 0x61 }
        case 0x30...0x39: mapped = digitBase.map { $0 + value - 0x30 }
        case 0x391...0x3A9 where value != 0x3A2: mapped = greekBase.map { $0 + value - 0x391 }
        case 0x3B1...0x3C9: mapped = greekBase.map { $0 + 0x1A + value - 0x3B1 }
        default: mapped = nil
        }
        return mapped.flatMap(Unicode.Scalar.init) ?? scalar
    }

    /// The code point of bold `A` and its siblings; `nil` keeps Latin letters unchanged.
    private var latinBase: UInt32? {
        switch self {
        case .normal: nil
        case .bold: 0x1D400
        case .italic: 0x1D434
        case .boldItalic: 0x1D468
        case .script: 0x1D49C
        case .fraktur: 0x1D504
        case .doubleStruck: 0x1D538
        case .sansSerif: 0x1D5A0
        case .monospace: 0x1D670
        }
    }

    private var digitBase: UInt32? {
        switch self {
        case .bold: 0x1D7CE
        case .doubleStruck: 0x1D7D8
        case .sansSerif: 0x1D7E2
        case .monospace: 0x1D7F6
        default: nil
        }
    }

    private var greekBase: UInt32? {
        switch self {
        case .bold: 0x1D6A8
        case .boldItalic: 0x1D71C
        default: nil
        }
    }

    /// Letters Unicode encoded before the mathematical block existed; their slots in the
    /// block are holes, so the older characters stand in.
    private static let exceptions: [MathVariant: [Unicode.Scalar: Unicode.Scalar]] = [
        .italic: ["h": "\u{210E}"],
        .script: [
            "B": "\u{212C}", "E": "\u{2130}", "F": "\u{2131}", "H": "\u{210B}", "I": "\u{2110}",
            "L": "\u{2112}", "M": "\u{2133}", "R": "\u{211B}", "e": "\u{212F}", "g": "\u{210A}",
            "o": "\u{2134}",
        ],
        .fraktur: ["C": "\u{212D}", "H": "\u{210C}", "I": "\u{2111}", "R": "\u{211C}", "Z": "\u{2128}"],
        .doubleStruck: [
            "C": "\u{2102}", "H": "\u{210D}", "N": "\u{2115}", "P": "\u{2119}", "Q": "\u{211A}",
            "R": "\u{211D}", "Z": "\u{2124}",
        ],
    ]
}
