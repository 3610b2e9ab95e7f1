/// What a backslash command means to the parser.
enum TeXCommand: Sendable {
    /// A command that stands for one finished atom: `\alpha`, `\leq`, `\sum`, `\log`, `\,`.
    case symbol(MathNode)
    /// `\frac`, `\tfrac`, `\dfrac`: two arguments.
    case fraction(FractionStyle)
    /// `\binom`: two arguments.
    case binomial
    /// `\overset`, `\stackrel` (over) and `\underset` (under): what to stack, then the base.
    case stack(over: Bool)
    /// `\sqrt`, with an optional `[index]`.
    case squareRoot
    /// `\mathbf` and friends: one argument drawn in another alphabet.
    case variant(MathVariant)
    /// `\text` and friends: one argument read as plain text.
    case text
    /// `\operatorname`: one argument read as a function name.
    case operatorName
    /// `\left`, `\right`: a growing delimiter.
    case left, right
    /// `\big` and friends; the role is fixed by the `l`, `r` or `m` suffix, or taken from the
    /// delimiter when there is none.
    case sizedDelimiter(DelimiterSize, MathAtomClass?)
    /// `\hat` and friends: one argument with an accent.
    case accent(MathAccent)
    /// `\begin{…}`, `\end{…}`.
    case begin, end

    /// How the command is written with its arguments, for hints.
    func usage(_ name: String) -> String {
        switch self {
        case .symbol: "\\\(name)"
        case .fraction: "\\\(name){numerator}{denominator}"
        case .binomial: "\\binom{n}{k}"
        case .stack: "\\\(name){above}{base}"
        case .squareRoot: "\\sqrt{x} or \\sqrt[n]{x}"
        case .variant, .accent: "\\\(name){x}"
        case .text: "\\\(name){some words}"
        case .operatorName: "\\operatorname{name}"
        case .left, .right: "\\left( … \\right)"
        case .sizedDelimiter: "\\\(name)("
        case .begin, .end: "\\begin{cases} … \\end{cases}"
        }
    }
}

/// The commands, delimiters and environments the converter supports, and nothing else.
enum TeXCommandTable {
    static func command(named name: String) -> TeXCommand? { commands[name] }

    /// Every supported command name, without the backslash, for suggestions.
    static var names: [String] { Array(commands.keys) }

    /// The delimiter a `\left`, `\right` or `\big` may take, written as a control sequence with
    /// its backslash (`\langle`) or a single character (`(`); `.` is the invisible delimiter.
    static func delimiter(named name: String) -> String? { delimiters[name] }

    /// Every accepted delimiter as written, for hints.
    static let delimiterSpellings = "( ) [ ] | . \\{ \\} \\| \\langle \\rangle \\lvert \\rvert \\lVert \\rVert \\lfloor \\rfloor \\lceil \\rceil"

    static let environmentNames = ["aligned", "gathered", "cases", "matrix", "pmatrix", "bmatrix", "Bmatrix", "vmatrix", "Vmatrix"]

    static func environment(named name: String) -> MathTable.Kind? {
        switch name {
        case "aligned": .aligned
        case "gathered": .gathered
        case "cases": .cases
        case "matrix": .matrix(open: "", close: "")
        case "pmatrix": .matrix(open: "(", close: ")")
        case "bmatrix": .matrix(open: "[", close: "]")
        case "Bmatrix": .matrix(open: "{", close: "}")
        case "vmatrix": .matrix(open: "|", close: "|")
        case "Vmatrix": .matrix(open: "\u{2016}", close: "\u{2016}")
        default: nil
        }
    }

    /// The role of a plain character typed in math, and the character drawn for it.
    static func character(_ scalar: Unicode.Scalar) -> MathNode? {
        switch scalar {
        case "+": .operator("+", .binary)
        case "-": .operator("\u{2212}", .binary)
        case "*": .operator("\u{2217}", .binary)
        case "=", "<", ">", ":": .operator(String(scalar), .relation)
        case ",", ";": .operator(String(scalar), .punctuation)
        case "(", "[": .operator(String(scalar), .opening)
        case ")", "]", "!", "?": .operator(String(scalar), .closing)
        case "/", "|", ".", "@", "\"", "`": .operator(String(scalar), .ordinary)
        case "'": .operator("\u{2032}", .ordinary)
        default: unicodeOperators[scalar].map { .operator(String(scalar), $0) }
        }
    }

    private static let unicodeOperators: [Unicode.Scalar: MathAtomClass] = {
        var table: [Unicode.Scalar: MathAtomClass] = [:]
        for (_, command) in commands {
            guard case .symbol(.operator(let text, let role)) = command,
                  text.unicodeScalars.count == 1, let scalar = text.unicodeScalars.first,
                  scalar.value > 0x7F else { continue }
            table[scalar] = role
        }
        for (_, command) in commands {
            if case .symbol(.largeOperator(let text, _)) = command, let scalar = text.unicodeScalars.first {
                table[scalar] = .largeOperator
            }
        }
        return table
    }()

    private static let delimiters: [String: String] = {
        var table: [String: String] = ["(": "(", ")": ")", "[": "[", "]": "]", "|": "|", "/": "/", ".": ""]
        for (name, text) in [
            ("{", "{"), ("}", "}"), ("|", "\u{2016}"), ("lbrace", "{"), ("rbrace", "}"),
            ("langle", "\u{27E8}"), ("rangle", "\u{27E9}"), ("vert", "|"), ("lvert", "|"), ("rvert", "|"),
            ("Vert", "\u{2016}"), ("lVert", "\u{2016}"), ("rVert", "\u{2016}"), ("lfloor", "\u{230A}"),
            ("rfloor", "\u{230B}"), ("lceil", "\u{2308}"), ("rceil", "\u{2309}"), ("lbrack", "["),
            ("rbrack", "]"), ("backslash", "\\"),
        ] {
            table["\\" + name] = text
        }
        return table
    }()

    /// The role of a delimiter when no command fixes it.
    static func role(ofDelimiter delimiter: String) -> MathAtomClass {
        switch delimiter {
        case "(", "[", "{", "\u{27E8}", "\u{230A}", "\u{2308}": .opening
        case ")", "]", "}", "\u{27E9}", "\u{230B}", "\u{2309}": .closing
        default: .ordinary
        }
    }

    private static let commands: [String: TeXCommand] = {
        var table: [String: TeXCommand] = [:]
        func identifiers(_ pairs: [(String, String)]) {
            for (name, text) in pairs { table[name] = .symbol(.identifier(text)) }
        }
        func operators(_ role: MathAtomClass, _ pairs: [(String, String)]) {
            for (name, text) in pairs { table[name] = .symbol(.operator(text, role)) }
        }
        identifiers([
            ("alpha", "α"), ("beta", "β"), ("gamma", "γ"), ("delta", "δ"), ("epsilon", "ϵ"),
            ("varepsilon", "ε"), ("zeta", "ζ"), ("eta", "η"), ("theta", "θ"), ("vartheta", "ϑ"),
            ("iota", "ι"), ("kappa", "κ"), ("varkappa", "ϰ"), ("lambda", "λ"), ("mu", "μ"),
            ("nu", "ν"), ("xi", "ξ"), ("omicron", "ο"), ("pi", "π"), ("varpi", "ϖ"), ("rho", "ρ"),
            ("varrho", "ϱ"), ("sigma", "σ"), ("varsigma", "ς"), ("tau", "τ"), ("upsilon", "υ"),
            ("phi", "ϕ"), ("varphi", "φ"), ("chi", "χ"), ("psi", "ψ"), ("omega", "ω"),
            ("Gamma", "Γ"), ("Delta", "Δ"), ("Theta", "Θ"), ("Lambda", "Λ"), ("Xi", "Ξ"),
            ("Pi", "Π"), ("Sigma", "Σ"), ("Upsilon", "Υ"), ("Phi", "Φ"), ("Psi", "Ψ"), ("Omega", "Ω"),
            ("infty", "∞"), ("partial", "∂"), ("nabla", "∇"), ("ell", "ℓ"), ("hbar", "ℏ"),
            ("emptyset", "∅"), ("varnothing", "∅"), ("Re", "ℜ"), ("Im", "ℑ"), ("aleph", "ℵ"),
            ("imath", "ı"), ("jmath", "ȷ"),
        ])
        operators(.ordinary, [
            ("forall", "∀"), ("exists", "∃"), ("nexists", "∄"), ("neg", "¬"), ("lnot", "¬"),
            ("prime", "′"), ("top", "⊤"), ("bot", "⊥"), ("angle", "∠"), ("triangle", "△"),
            ("dots", "…"), ("ldots", "…"), ("cdots", "⋯"), ("vdots", "⋮"), ("ddots", "⋱"),
            ("|", "‖"), ("Vert", "‖"), ("vert", "|"), ("lvert", "|"), ("rvert", "|"),
            ("lVert", "‖"), ("rVert", "‖"), ("backslash", "\\"), ("%", "%"), ("&", "&"),
            ("$", "$"), ("#", "#"), ("_", "_"), ("checkmark", "✓"), ("star", "⋆"),
        ])
        operators(.opening, [
            ("{", "{"), ("lbrace", "{"), ("langle", "⟨"), ("lfloor", "⌊"), ("lceil", "⌈"), ("lbrack", "["),
        ])
        operators(.closing, [
            ("}", "}"), ("rbrace", "}"), ("rangle", "⟩"), ("rfloor", "⌋"), ("rceil", "⌉"), ("rbrack", "]"),
        ])
        operators(.binary, [
            ("pm", "±"), ("mp", "∓"), ("times", "×"), ("div", "÷"), ("cdot", "⋅"), ("ast", "∗"),
            ("circ", "∘"), ("bullet", "∙"), ("oplus", "⊕"), ("ominus", "⊖"), ("otimes", "⊗"),
            ("odot", "⊙"), ("cup", "∪"), ("cap", "∩"), ("setminus", "∖"), ("wedge", "∧"),
            ("land", "∧"), ("vee", "∨"), ("lor", "∨"), ("sqcup", "⊔"), ("uplus", "⊎"),
            ("dagger", "†"), ("diamond", "⋄"),
        ])
        operators(.relation, [
            ("leq", "≤"), ("le", "≤"), ("geq", "≥"), ("ge", "≥"), ("neq", "≠"), ("ne", "≠"),
            ("approx", "≈"), ("sim", "∼"), ("simeq", "≃"), ("cong", "≅"), ("equiv", "≡"),
            ("propto", "∝"), ("ll", "≪"), ("gg", "≫"), ("in", "∈"), ("notin", "∉"), ("ni", "∋"),
            ("subset", "⊂"), ("subseteq", "⊆"), ("supset", "⊃"), ("supseteq", "⊇"),
            ("to", "→"), ("rightarrow", "→"), ("leftarrow", "←"), ("gets", "←"),
            ("leftrightarrow", "↔"), ("Rightarrow", "⇒"), ("Leftarrow", "⇐"),
            ("Leftrightarrow", "⇔"), ("implies", "⟹"), ("iff", "⟺"), ("mapsto", "↦"),
            ("longrightarrow", "⟶"), ("longleftarrow", "⟵"), ("longmapsto", "⟼"),
            ("uparrow", "↑"), ("downarrow", "↓"), ("mid", "∣"), ("parallel", "∥"), ("perp", "⟂"),
            ("coloneqq", "≔"), ("triangleq", "≜"), ("doteq", "≐"), ("prec", "≺"), ("succ", "≻"),
            ("preceq", "⪯"), ("succeq", "⪰"), ("vdash", "⊢"), ("models", "⊨"), ("asymp", "≍"),
            ("leqslant", "⩽"), ("geqslant", "⩾"), ("lesssim", "≲"), ("gtrsim", "≳"), ("nsim", "≁"),
            ("lt", "<"), ("gt", ">"),
        ])
        operators(.punctuation, [("colon", ":")])
        for (name, text, limits) in [
            ("sum", "∑", true), ("prod", "∏", true), ("coprod", "∐", true), ("int", "∫", false),
            ("iint", "∬", false), ("iiint", "∭", false), ("oint", "∮", false), ("bigcup", "⋃", true),
            ("bigcap", "⋂", true), ("bigoplus", "⨁", true), ("bigotimes", "⨂", true),
            ("bigvee", "⋁", true), ("bigwedge", "⋀", true), ("bigsqcup", "⨆", true),
        ] {
            table[name] = .symbol(.largeOperator(text, limits: limits))
        }
        for name in ["log", "ln", "lg", "exp", "sin", "cos", "tan", "cot", "sec", "csc", "arcsin",
                     "arccos", "arctan", "sinh", "cosh", "tanh", "coth", "arg", "deg", "dim", "hom", "ker"] {
            table[name] = .symbol(.function(name, limits: false))
        }
        for name in ["lim", "max", "min", "sup", "inf", "det", "gcd", "Pr"] {
            table[name] = .symbol(.function(name, limits: true))
        }
        for (name, text) in [("liminf", "lim inf"), ("limsup", "lim sup"), ("argmax", "arg max"), ("argmin", "arg min")] {
            table[name] = .symbol(.function(text, limits: true))
        }
        for (name, space) in [
            (",", MathSpace.thin), ("thinspace", .thin), (":", .medium), (">", .medium),
            ("medspace", .medium), (";", .thick), ("thickspace", .thick), (" ", .word),
            ("quad", .quad), ("qquad", .doubleQuad), ("!", .negativeThin), ("negthinspace", .negativeThin),
        ] {
            table[name] = .symbol(.space(space))
        }
        table["frac"] = .fraction(.automatic)
        table["tfrac"] = .fraction(.text)
        table["dfrac"] = .fraction(.display)
        table["sqrt"] = .squareRoot
        table["binom"] = .binomial
        table["overset"] = .stack(over: true)
        table["stackrel"] = .stack(over: true)
        table["underset"] = .stack(over: false)
        for (name, variant) in [
            ("mathrm", MathVariant.normal), ("mathbf", .bold), ("mathit", .italic),
            ("boldsymbol", .boldItalic), ("bm", .boldItalic), ("mathcal", .script),
            ("mathscr", .script), ("mathfrak", .fraktur), ("mathbb", .doubleStruck),
            ("mathsf", .sansSerif), ("mathtt", .monospace),
        ] {
            table[name] = .variant(variant)
        }
        for name in ["text", "textrm", "mbox", "textnormal"] { table[name] = .text }
        table["operatorname"] = .operatorName
        table["left"] = .left
        table["right"] = .right
        for (stem, size) in [("big", DelimiterSize.big), ("Big", .bigger), ("bigg", .biggest), ("Bigg", .largest)] {
            table[stem] = .sizedDelimiter(size, nil)
            table[stem + "l"] = .sizedDelimiter(size, .opening)
            table[stem + "r"] = .sizedDelimiter(size, .closing)
            table[stem + "m"] = .sizedDelimiter(size, .relation)
        }
        for (name, accent) in [
            ("hat", MathAccent.hat), ("widehat", .wideHat), ("bar", .bar), ("overline", .overline),
            ("tilde", .tilde), ("widetilde", .wideTilde), ("dot", .dot), ("ddot", .doubleDot),
            ("vec", .vector), ("check", .check), ("breve", .breve), ("acute", .acute),
            ("grave", .grave), ("underline", .underline),
        ] {
            table[name] = .accent(accent)
        }
        table["begin"] = .begin
        table["end"] = .end
        return table
    }()
}
