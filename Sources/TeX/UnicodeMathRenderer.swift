/// Writes a ``MathNode`` tree as one line of plain Unicode text for the terminal:
/// `x²`, `xᵢ`, `∑ᵢ₌₁ᴺ`, `1/Nᵣ`, `√(x + 1)`, `𝔼`, `𝒩`, `‖`.
///
/// Where Unicode has no script form of a character the script is written `x_(ij)` or
/// `x^(n+1)`; fractions become `a/b` with parentheses around compound parts.
struct UnicodeMathRenderer {
    /// Rendered text and whether it reads as one unit, so it needs no parentheses as a
    /// script base, fraction part or radicand.
    private struct Piece {
        var text: String
        var isAtomic: Bool
    }

    func render(_ node: MathNode) -> String {
        piece(node, level: 0, variant: nil).text
    }

    private func piece(_ node: MathNode, level: Int, variant: MathVariant?) -> Piece {
        switch node {
        case .row(let nodes):
            return row(nodes, level: level, variant: variant)
        case .number(let digits):
            return Piece(text: styled(digits, variant), isAtomic: true)
        case .identifier(let name):
            return Piece(text: styled(name, variant), isAtomic: true)
        case .function(let name, _):
            return Piece(text: name, isAtomic: !name.contains(" "))
        case .largeOperator(let symbol, _), .operator(let symbol, _), .sizedDelimiter(let symbol, _, _):
            return Piece(text: symbol, isAtomic: true)
        case .text(let text):
            return Piece(text: text, isAtomic: !text.contains(" "))
        case .space(let space):
            return Piece(text: String(repeating: " ", count: max(0, space.cells)), isAtomic: false)
        case .scripts(let base, let lower, let upper):
            return attaching(lower: lower, upper: upper, to: base, level: level, variant: variant)
        case .fraction(let numerator, let denominator, _):
            if case .number(let top) = Self.unwrapped(numerator), case .number(let bottom) = Self.unwrapped(denominator),
               let vulgar = Self.vulgarFractions[top + "/" + bottom] {
                return Piece(text: vulgar, isAtomic: true)
            }
            let top = parenthesized(piece(numerator, level: level, variant: variant))
            let bottom = parenthesized(piece(denominator, level: level, variant: variant))
            return Piece(text: top + "/" + bottom, isAtomic: false)
        case .binomial(let top, let bottom):
            let upper = piece(top, level: level, variant: variant).text
            let lower = piece(bottom, level: level, variant: variant).text
            return Piece(text: "(\(upper) choose \(lower))", isAtomic: true)
        case .stacked(let base, let over, let under):
            // Text has no room above or below: limits become scripts.
            return attaching(lower: under, upper: over, to: base, level: level, variant: variant)
        case .root(let radicand, let index):
            let inner = piece(radicand, level: level, variant: variant)
            let body = inner.isAtomic && !inner.text.isEmpty ? inner.text : "(\(inner.text))"
            guard let index else { return Piece(text: "√" + body, isAtomic: true) }
            let degree = piece(index, level: level + 1, variant: variant).text
            switch degree {
            case "3": return Piece(text: "∛" + body, isAtomic: true)
            case "4": return Piece(text: "∜" + body, isAtomic: true)
            default:
                let raised = script(degree, marker: "^", forms: Self.superscripts)
                return Piece(text: (raised.hasPrefix("^") ? "root" + raised : raised) + "√" + body, isAtomic: true)
            }
        case .fenced(let open, let content, let close):
            let inner = piece(content, level: level, variant: variant)
            // A closing delimiter alone still ends the group, as in `\left.\frac{a}{b}\right|_{x=0}`.
            return Piece(text: open + inner.text + close, isAtomic: !close.isEmpty || inner.isAtomic)
        case .accent(let base, let accent):
            let inner = piece(base, level: level, variant: variant)
            if inner.text.count == 1 {
                return Piece(text: inner.text + String(accent.combiningCharacter), isAtomic: true)
            }
            if accent == .overline || accent == .underline {
                let marked = inner.text.map { $0 == " " ? " " : String($0) + String(accent.combiningCharacter) }.joined()
                return Piece(text: marked, isAtomic: inner.isAtomic)
            }
            return Piece(text: "\(accent.textName)(\(inner.text))", isAtomic: true)
        case .styled(let style, let content):
            return piece(content, level: level, variant: style)
        case .table(let table):
            return self.table(table, level: level, variant: variant)
        }
    }

    private func row(_ nodes: [MathNode], level: Int, variant: MathVariant?) -> Piece {
        let roles = MathNode.resolvedClasses(of: nodes)
        var text = ""
        var previousRole: MathAtomClass?
        var explicitSpace: Int?
        var atoms: [Piece] = []
        for (index, node) in nodes.enumerated() {
            if case .space(let space) = node {
                explicitSpace = (explicitSpace ?? 0) + space.cells
                continue
            }
            let next = piece(node, level: level, variant: variant)
            guard !next.text.isEmpty, let declaredRole = roles[index] else { continue }
            // A `\left(…\right)` group reads like a parenthesis in plain text, so it is spaced
            // like one rather than like TeX's inner atoms.
            let role = Self.isDelimitedGroup(node) ? .ordinary : declaredRole
            if let previousRole, let previous = atoms.last {
                var gap = MathAtomClass.spacing(between: previousRole, and: role, inScript: level > 0) > 0 ? 1 : 0
                if let explicitSpace { gap = max(0, explicitSpace) }
                // `a/b c` must not read as `a/bc`.
                if !previous.isAtomic || !next.isAtomic, previousRole != .opening, role != .closing { gap = max(gap, 1) }
                if role == .punctuation { gap = 0 }
                if text.hasSuffix(" ") || next.text.hasPrefix(" ") { gap = 0 }
                text += String(repeating: " ", count: gap)
            }
            explicitSpace = nil
            text += next.text
            previousRole = role
            atoms.append(next)
        }
        return Piece(text: text, isAtomic: atoms.count == 1 ? atoms[0].isAtomic : atoms.isEmpty)
    }

    private func table(_ table: MathTable, level: Int, variant: MathVariant?) -> Piece {
        let rows = table.rows.map { cells in
            cells.map { piece($0, level: level, variant: variant).text }.filter { !$0.isEmpty }.joined(separator: " ")
        }
        let body = rows.joined(separator: "; ")
        switch table.kind {
        case .matrix(let open, let close):
            return Piece(text: open + body + close, isAtomic: !open.isEmpty)
        case .cases:
            return Piece(text: "{ " + body, isAtomic: false)
        case .aligned, .gathered:
            return Piece(text: body, isAtomic: false)
        }
    }

    private static func isDelimitedGroup(_ node: MathNode) -> Bool {
        switch node {
        case .fenced(let open, _, let close): !open.isEmpty && !close.isEmpty
        case .table(let table): if case .matrix(let open, _) = table.kind { !open.isEmpty } else { false }
        case .scripts(let base, _, _): isDelimitedGroup(base)
        default: false
        }
    }

    private func parenthesized(_ piece: Piece) -> String {
        piece.isAtomic ? piece.text : "(\(piece.text))"
    }

    /// Styled letters in their mathematical alphabet; italic and upright stay plain, since
    /// terminal text is upright and unstyled anyway.
    private func styled(_ text: String, _ variant: MathVariant?) -> String {
        switch variant {
        case nil, .normal?, .italic?: text
        case let variant?: variant.apply(to: text)
        }
    }

    /// `base` with its subscript and superscript; a base of several pieces is parenthesized so
    /// the scripts stay attached to all of it.
    private func attaching(lower: MathNode?, upper: MathNode?, to base: MathNode, level: Int, variant: MathVariant?) -> Piece {
        let basePiece = piece(base, level: level, variant: variant)
        var text = basePiece.isAtomic ? basePiece.text : "(\(basePiece.text))"
        if let lower {
            text += script(piece(lower, level: level + 1, variant: variant).text, marker: "_", forms: Self.subscripts)
        }
        if let upper {
            text += script(piece(upper, level: level + 1, variant: variant).text, marker: "^", forms: Self.superscripts)
        }
        return Piece(text: text, isAtomic: true)
    }

    /// Raises or lowers `text` with Unicode script characters when every character has one,
    /// else writes `_x` or `_(text)`.
    private func script(_ text: String, marker: Character, forms: [Character: Character]) -> String {
        guard !text.isEmpty else { return "" }
        if text.allSatisfy({ forms[$0] != nil }) { return String(text.map { forms[$0]! }) }
        return text.count == 1 ? "\(marker)\(text)" : "\(marker)(\(text))"
    }

    private static func unwrapped(_ node: MathNode) -> MathNode {
        if case .row(let nodes) = node, nodes.count == 1 { unwrapped(nodes[0]) } else { node }
    }

    private static let vulgarFractions: [String: String] = [
        "1/2": "½", "1/3": "⅓", "2/3": "⅔", "1/4": "¼", "3/4": "¾", "1/5": "⅕", "2/5": "⅖",
        "3/5": "⅗", "4/5": "⅘", "1/6": "⅙", "5/6": "⅚", "1/7": "⅐", "1/8": "⅛", "3/8": "⅜",
        "5/8": "⅝", "7/8": "⅞", "1/9": "⅑", "1/10": "⅒",
    ]

    private static let superscripts: [Character: Character] = pairs(
        "0123456789+-−=()abcdefghijklmnoprstuvwxyzABDEGHIJKLMNOPRTUVWβγδθφϕχι′″‴∗⊤",
        "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁻⁼⁽⁾ᵃᵇᶜᵈᵉᶠᵍʰⁱʲᵏˡᵐⁿᵒᵖʳˢᵗᵘᵛʷˣʸᶻᴬᴮᴰᴱᴳᴴᴵᴶᴷᴸᴹᴺᴼᴾᴿᵀᵁⱽᵂᵝᵞᵟᶿᵠᵠᵡᶥ′″‴*ᵀ"
    )

    private static let subscripts: [Character: Character] = pairs(
        "0123456789+-−=()aehijklmnoprstuvxβγρφϕχ",
        "₀₁₂₃₄₅₆₇₈₉₊₋₋₌₍₎ₐₑₕᵢⱼₖₗₘₙₒₚᵣₛₜᵤᵥₓᵦᵧᵨᵩᵩᵪ"
    )

    private static func pairs(_ plain: String, _ scripted: String) -> [Character: Character] {
        precondition(plain.count == scripted.count, "script tables must pair up")
        return Dictionary(uniqueKeysWithValues: zip(plain, scripted))
    }
}
