/// A parsed LaTeX math formula: a small tree that both renderers (MathML and Unicode text) walk.
///
/// The parser produces it from a LaTeX string; it carries no source positions because every
/// error is reported while parsing, before a renderer sees the tree.
public indirect enum MathNode: Equatable, Sendable {
    /// A sequence of atoms laid out left to right, such as the contents of a `{…}` group.
    case row([MathNode])
    /// A run of digits with an optional decimal point, such as `3.14`.
    case number(String)
    /// A variable or constant symbol: `x`, `μ`, `∂`, or several letters from `\mathrm{KL}`.
    case identifier(String)
    /// A named function such as `log` or `\operatorname{tr}`; `limits` places scripts under
    /// and over the name in display style, as for `\lim` and `\max`.
    case function(String, limits: Bool)
    /// A large operator such as `∑` or `∫`; `limits` places scripts under and over it in
    /// display style (true for `∑`, false for `∫`).
    case largeOperator(String, limits: Bool)
    /// An operator, relation, fence or punctuation symbol, with the role that decides spacing.
    case `operator`(String, MathAtomClass)
    /// Upright text from `\text{…}`, kept as written.
    case text(String)
    /// Explicit horizontal space such as `\,` or `\quad`.
    case space(MathSpace)
    /// A base with a subscript, a superscript or both.
    case scripts(base: MathNode, subscript: MathNode?, superscript: MathNode?)
    /// A fraction from `\frac`, `\tfrac` or `\dfrac`.
    case fraction(numerator: MathNode, denominator: MathNode, style: FractionStyle)
    /// A binomial coefficient from `\binom{n}{k}`.
    case binomial(MathNode, MathNode)
    /// A base with material set over and/or under it, from `\overset`, `\underset` and
    /// `\stackrel`; it keeps the spacing role of its base.
    case stacked(MathNode, over: MathNode?, under: MathNode?)
    /// A square root, or an n-th root when `index` is present.
    case root(MathNode, index: MathNode?)
    /// Content between `\left` and `\right` delimiters that grow with it; an empty string is
    /// the invisible delimiter `.`.
    case fenced(open: String, MathNode, close: String)
    /// A delimiter of a fixed larger size, from `\big(`, `\Bigr)` and the like.
    case sizedDelimiter(String, size: DelimiterSize, role: MathAtomClass)
    /// A base with an accent over or under it, such as `\hat{x}` or `\overline{z}`.
    case accent(MathNode, MathAccent)
    /// Content drawn in another alphabet, from `\mathbf`, `\mathbb`, `\mathcal` and the like.
    case styled(MathVariant, MathNode)
    /// An environment laid out as a grid, such as `cases` or `pmatrix`.
    case table(MathTable)
}

/// The role of an atom in a formula, which decides the space around it, as in TeX.
public enum MathAtomClass: Equatable, Sendable {
    /// An ordinary symbol: a variable, a number, `∞`.
    case ordinary
    /// A large operator or a function name: `∑`, `log`.
    case largeOperator
    /// A binary operator: `+`, `×`.
    case binary
    /// A relation: `=`, `≤`, `∈`.
    case relation
    /// An opening delimiter: `(`, `[`.
    case opening
    /// A closing delimiter: `)`, `]`.
    case closing
    /// Punctuation: `,`, `;`.
    case punctuation
    /// A compound such as a fraction or a `\left…\right` group.
    case inner
}

/// How a fraction is sized, from the command that wrote it.
public enum FractionStyle: Equatable, Sendable {
    /// `\frac`: display size in display math, text size inline.
    case automatic
    /// `\tfrac`: always the smaller, inline size.
    case text
    /// `\dfrac`: always the display size.
    case display
}

/// The fixed sizes of `\big`, `\Big`, `\bigg` and `\Bigg` delimiters.
public enum DelimiterSize: Int, Equatable, Sendable {
    /// `\big`, `\bigl`, `\bigr`, `\bigm`.
    case big = 1
    /// `\Big` and its variants.
    case bigger
    /// `\bigg` and its variants.
    case biggest
    /// `\Bigg` and its variants.
    case largest

    /// The delimiter's height plus depth in em, where a delimiter of ordinary size spans 1 em.
    public var extent: Double {
        switch self {
        case .big: 1.2
        case .bigger: 1.623
        case .biggest: 2.047
        case .largest: 2.47
        }
    }
}

/// Explicit spacing commands.
public enum MathSpace: Equatable, Sendable {
    /// `\,`: three eighteenths of an em.
    case thin
    /// `\:`: four eighteenths of an em.
    case medium
    /// `\;`: five eighteenths of an em.
    case thick
    /// `\ ` and `~`: an interword space.
    case word
    /// `\quad`: one em.
    case quad
    /// `\qquad`: two em.
    case doubleQuad
    /// `\!`: a negative thin space.
    case negativeThin

    /// The width in em as MathML writes it.
    public var em: String {
        switch self {
        case .thin: "0.1667em"
        case .medium: "0.2222em"
        case .thick: "0.2778em"
        case .word: "0.25em"
        case .quad: "1em"
        case .doubleQuad: "2em"
        case .negativeThin: "-0.1667em"
        }
    }

    /// The width in terminal cells: a space is at least one cell, or nothing at all.
    public var cells: Int {
        switch self {
        case .thin, .medium, .thick, .word: 1
        case .quad: 2
        case .doubleQuad: 4
        case .negativeThin: -1
        }
    }
}

/// Accents placed over (or under) a base.
public enum MathAccent: String, Equatable, Sendable, CaseIterable {
    case hat, wideHat, bar, overline, tilde, wideTilde, dot, doubleDot, vector, check, breve, acute, grave, underline

    /// How each form of output draws the accent, in one place: the character MathML draws over
    /// the base, whether it widens with its base (`\widehat`, `\overline`), the combining
    /// character that puts it on one character in plain text, and the name plain text uses
    /// when the base is too long for a combining character.
    private var forms: (mathML: String, stretches: Bool, combining: Character, textName: String) {
        switch self {
        case .hat: ("^", false, "\u{302}", "hat")
        case .wideHat: ("^", true, "\u{302}", "hat")
        case .bar: ("\u{AF}", false, "\u{304}", "bar")
        // A horizontal bar, which math fonts can stretch across a long base.
        case .overline: ("\u{2015}", true, "\u{305}", "bar")
        case .underline: ("\u{2015}", true, "\u{332}", "underline")
        case .tilde: ("~", false, "\u{303}", "tilde")
        case .wideTilde: ("~", true, "\u{303}", "tilde")
        case .dot: ("\u{2D9}", false, "\u{307}", "dot")
        case .doubleDot: ("\u{A8}", false, "\u{308}", "ddot")
        case .vector: ("\u{2192}", false, "\u{20D7}", "vec")
        case .check: ("\u{2C7}", false, "\u{30C}", "check")
        case .breve: ("\u{2D8}", false, "\u{306}", "breve")
        case .acute: ("\u{B4}", false, "\u{301}", "acute")
        case .grave: ("`", false, "\u{300}", "grave")
        }
    }

    /// The character MathML draws as the accent.
    var mathMLCharacter: String { forms.mathML }

    /// Whether the accent widens with its base (`\widehat`, `\overline`).
    var stretches: Bool { forms.stretches }

    /// The combining character that puts the accent on one character in plain text.
    var combiningCharacter: Character { forms.combining }

    /// The name used in plain text when the base is too long for a combining character.
    var textName: String { forms.textName }
}

/// The contents of an environment such as `\begin{cases}…\end{cases}`.
public struct MathTable: Equatable, Sendable {
    /// The environment kinds the converter supports.
    public enum Kind: Equatable, Sendable {
        /// `aligned`: columns alternately right- and left-aligned, for aligned equations.
        case aligned
        /// `gathered`: one centred column.
        case gathered
        /// `cases`: a left brace and left-aligned columns.
        case cases
        /// `matrix` and its delimited forms; empty strings mean no delimiter.
        case matrix(open: String, close: String)
    }

    /// Which environment wrote the table, which decides delimiters and alignment.
    public var kind: Kind
    /// The cells, row by row.
    public var rows: [[MathNode]]

    public init(kind: Kind, rows: [[MathNode]]) {
        self.kind = kind
        self.rows = rows
    }
}
