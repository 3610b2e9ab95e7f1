/// How far a formula reaches above and below its baseline, estimated from its tree in em with
/// Latin Modern's proportions, the way TeX sizes a `\left…\right` delimiter.
///
/// A browser knows the real extent, but MathML Core lays out a stretchy operator as wide as
/// the widest of its font's variants, whatever size it draws (0.875 em for a parenthesis, more
/// than twice a plain one), so `\left(` would stand apart from what it encloses. Knowing the
/// size TeX would choose lets ``MathMLRenderer`` draw the delimiter as a plain or a scaled glyph,
/// as wide as its ink, and keep the stretchy operator for content taller than `\Bigg`.
struct MathExtent: Equatable {
    /// Above the baseline, in em of the formula's font size.
    var height: Double
    /// Below the baseline.
    var depth: Double

    /// Where delimiters centre: the height of the minus sign's bar in Latin Modern Math, as in
    /// TeX's Computer Modern, and near it in other math fonts.
    static let axisHeight = 0.25

    /// A delimiter's of ordinary size, a parenthesis's, at `scale`.
    static func ordinaryDelimiter(scale: Double) -> MathExtent { MathExtent(height: 0.75 * scale, depth: 0.25 * scale) }

    /// Both extents' larger height and depth.
    func union(_ other: MathExtent) -> MathExtent {
        MathExtent(height: max(height, other.height), depth: max(depth, other.depth))
    }

    /// How large a delimiter TeX draws around content of this extent.
    var delimiter: DelimiterChoice {
        // TeX's rule: cover at least 90.1% of the content's reach from the axis, both ways,
        // and fall short of it by at most 5 pt (0.5 em).
        let reach = max(height - Self.axisHeight, depth + Self.axisHeight)
        let needed = max(2 * reach * 0.901, 2 * reach - 0.5)
        if needed <= 1 { return .ordinary }
        for size in [DelimiterSize.big, .bigger, .biggest, .largest] where size.extent >= needed {
            return .sized(size)
        }
        return .stretchy
    }

    /// The extent of a delimiter `choice`, centred on the axis.
    static func of(_ choice: DelimiterChoice, scale: Double) -> MathExtent {
        let extent: Double
        switch choice {
        case .ordinary: return ordinaryDelimiter(scale: scale)
        case .sized(let size): extent = size.extent
        case .stretchy: return MathExtent(height: 0, depth: 0)
        }
        return MathExtent(height: (axisHeight + extent / 2) * scale, depth: (extent / 2 - axisHeight) * scale)
    }
}

/// How a `\left…\right` delimiter is drawn.
enum DelimiterChoice: Equatable {
    /// The plain glyph.
    case ordinary
    /// The glyph scaled to one of `\big`'s sizes.
    case sized(DelimiterSize)
    /// A stretchy operator, for content taller than the largest fixed size.
    case stretchy
}

extension MathNode {
    /// The estimated extent of the node in display style (`display`) or text style, at `scale`
    /// (1 for text, 0.7 for scripts, 0.5 for scripts of scripts).
    func extent(display: Bool, scale: Double = 1) -> MathExtent {
        let script = max(scale * 0.7, 0.5)
        switch self {
        case .row(let nodes):
            return nodes.reduce(MathExtent(height: 0, depth: 0)) { $0.union($1.extent(display: display, scale: scale)) }
        case .number:
            return MathExtent(height: 0.65 * scale, depth: 0)
        case .identifier(let name), .function(let name, _), .text(let name):
            return MathExtent(height: 0.7 * scale, depth: name.contains(where: Self.descenders.contains) ? 0.2 * scale : 0)
        case .operator(let symbol, _):
            return MathMLRenderer.fences.contains(symbol) ? .ordinaryDelimiter(scale: scale)
                : MathExtent(height: 0.6 * scale, depth: 0.1 * scale)
        case .largeOperator:
            return display ? MathExtent(height: 0.9 * scale, depth: 0.6 * scale) : MathExtent(height: 0.75 * scale, depth: 0.25 * scale)
        case .space:
            return MathExtent(height: 0, depth: 0)
        case .scripts(let base, let lower, let upper):
            let baseExtent = base.extent(display: display, scale: scale)
            let limits: Bool
            switch base {
            case .largeOperator(_, let hasLimits), .function(_, let hasLimits): limits = display && hasLimits
            default: limits = false
            }
            var result = baseExtent
            if let upper {
                let top = upper.extent(display: false, scale: script)
                result.height = max(result.height, limits ? baseExtent.height + 0.1 * scale + top.height + top.depth : 0.4 * scale + top.height)
            }
            if let lower {
                let bottom = lower.extent(display: false, scale: script)
                // TeX lowers a subscript less when there is no superscript.
                let shift = upper == nil ? 0.15 : 0.25
                result.depth = max(result.depth, limits ? baseExtent.depth + 0.1 * scale + bottom.height + bottom.depth : shift * scale + bottom.depth)
            }
            return result
        case .fraction(let numerator, let denominator, let style):
            let large = style == .display || (style == .automatic && display)
            return fraction(numerator, denominator, large: large, scale: scale)
        case .binomial(let top, let bottom):
            return fraction(top, bottom, large: display, scale: scale)
        case .stacked(let base, let over, let under):
            var result = base.extent(display: display, scale: scale)
            if let over { let extent = over.extent(display: false, scale: script); result.height += 0.1 * scale + extent.height + extent.depth }
            if let under { let extent = under.extent(display: false, scale: script); result.depth += 0.1 * scale + extent.height + extent.depth }
            return result
        case .root(let radicand, _):
            let inner = radicand.extent(display: display, scale: scale)
            return MathExtent(height: inner.height + 0.15 * scale, depth: max(inner.depth, 0.2 * scale))
        case .fenced(_, let content, _):
            let inner = content.extent(display: display, scale: scale)
            return inner.union(.of(inner.delimiter, scale: scale))
        case .sizedDelimiter(_, let size, _):
            return .of(.sized(size), scale: scale)
        case .accent(let base, let accent):
            var result = base.extent(display: display, scale: scale)
            if accent == .underline { result.depth += 0.2 * scale } else { result.height += 0.2 * scale }
            return result
        case .styled(_, let content):
            return content.extent(display: display, scale: scale)
        case .table(let table):
            let half = Double(table.rows.count) * 0.6 * scale
            return MathExtent(height: MathExtent.axisHeight * scale + half, depth: half - MathExtent.axisHeight * scale)
        }
    }

    /// Letters that reach below the baseline.
    private static let descenders: Set<Character> = ["g", "j", "p", "q", "y", "f", "β", "γ", "ζ", "η", "μ", "ξ", "ρ", "φ", "χ", "ψ", "ϕ", "Q"]

    /// A fraction's extent: TeX's shifts of numerator and denominator from the baseline.
    private func fraction(_ numerator: MathNode, _ denominator: MathNode, large: Bool, scale: Double) -> MathExtent {
        let partScale = large ? scale : max(scale * 0.7, 0.5)
        let top = numerator.extent(display: false, scale: partScale)
        let bottom = denominator.extent(display: false, scale: partScale)
        let (up, down) = large ? (0.677, 0.686) : (0.394, 0.345)
        return MathExtent(height: up * scale + top.height, depth: down * scale + bottom.depth)
    }
}
