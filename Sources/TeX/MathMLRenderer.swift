import MarkupEscaping

/// Writes a ``MathNode`` tree as MathML Core, the subset of MathML that Chromium, Firefox and
/// Safari lay out natively.
///
/// Only MathML Core elements and attributes are written, so pages also pass the Nu HTML
/// checker. Spacing around operators comes from the browser's operator dictionary; this
/// renderer only adds what the dictionary cannot know (prefix forms, function application,
/// the role a `\bigl`, `\bigr` or `\bigm` gives its delimiter).
struct MathMLRenderer {
    private(set) var output = ""

    /// The style inherited from enclosing constructs.
    struct Style {
        /// Display style: large operators take limits under and over, fractions are full size.
        var display: Bool
        /// The alphabet of an enclosing `\mathbf` and the like.
        var variant: MathVariant?

        var inScript: Style { Style(display: false, variant: variant) }
    }

    /// Writes exactly one element, wrapping rows in `<mrow>` where needed, since most MathML
    /// elements count their children positionally.
    mutating func renderElement(_ node: MathNode, style: Style) {
        if case .row(let nodes) = node, nodes.count != 1 {
            output += "<mrow>"
            renderChildren(nodes, style: style)
            output += "</mrow>"
        } else {
            renderAtom(node, role: MathNode.resolvedClasses(of: [node])[0], style: style)
        }
    }

    /// Writes the atoms of a row one after another, inside an element the caller opened.
    mutating func renderChildren(_ nodes: [MathNode], style: Style) {
        let roles = MathNode.resolvedClasses(of: nodes)
        for (index, node) in nodes.enumerated() {
            renderAtom(node, role: roles[index], style: style)
            guard node.isFunctionName,
                  let next = nodes[(index + 1)...].firstIndex(where: { $0.atomClass != nil }) else { continue }
            // TeX puts a thin space between a function name and its argument unless the
            // argument starts with a delimiter.
            switch roles[next] {
            case .opening?, .inner?: output += "<mo>\u{2061}</mo>"
            default: output += "<mo>\u{2061}</mo><mspace width=\"0.1667em\"/>"
            }
        }
    }

    private mutating func renderAtom(_ node: MathNode, role: MathAtomClass?, style: Style) {
        switch node {
        case .row(let nodes):
            if nodes.count == 1 {
                renderAtom(nodes[0], role: MathNode.resolvedClasses(of: nodes)[0], style: style)
            } else {
                renderElement(node, style: style)
            }
        case .number(let digits):
            let text = style.variant.map { $0.apply(to: digits) } ?? digits
            output += "<mn>\(MarkupEscaping.text(text))</mn>"
        case .identifier(let name):
            renderIdentifier(name, variant: style.variant)
        case .function(let name, _):
            output += "<mi>\(MarkupEscaping.text(name.replacingSpaces(with: "\u{A0}")))</mi>"
        case .largeOperator(let symbol, _):
            output += "<mo>\(MarkupEscaping.text(symbol))</mo>"
        case .operator(let symbol, let declared):
            var attributes = ""
            if declared == .binary, role == .ordinary { attributes += " form=\"prefix\"" }
            if Self.fences.contains(symbol) { attributes += " stretchy=\"false\"" }
            output += "<mo\(attributes)>\(MarkupEscaping.text(symbol))</mo>"
        case .text(let text):
            output += "<mtext>\(MarkupEscaping.text(text.replacingSpaces(with: "\u{A0}")))</mtext>"
        case .space(let space):
            // MathML Core has no negative space; a negative thin space becomes no space.
            output += space == .negativeThin ? "<mspace/>" : "<mspace width=\"\(space.em)\"/>"
        case .scripts(let base, let lower, let upper):
            renderScripts(base: base, subscript: lower, superscript: upper, style: style)
        case .fraction(let numerator, let denominator, let fractionStyle):
            renderFraction(numerator, denominator, fractionStyle, style: style)
        case .binomial(let top, let bottom):
            output += "<mrow><mo fence=\"true\" form=\"prefix\" stretchy=\"true\">(</mo><mfrac linethickness=\"0\">"
            renderElement(top, style: style.inScript)
            renderElement(bottom, style: style.inScript)
            output += "</mfrac><mo fence=\"true\" form=\"postfix\" stretchy=\"true\">)</mo></mrow>"
        case .stacked(let base, let over, let under):
            let element = over == nil ? "munder" : under == nil ? "mover" : "munderover"
            output += "<\(element)>"
            renderElement(base, style: style)
            if let under { renderElement(under, style: style.inScript) }
            if let over { renderElement(over, style: style.inScript) }
            output += "</\(element)>"
        case .root(let radicand, nil):
            output += "<msqrt>"
            renderChildren(Self.children(of: radicand), style: style)
            output += "</msqrt>"
        case .root(let radicand, let index?):
            output += "<mroot>"
            renderElement(radicand, style: style)
            renderElement(index, style: style.inScript)
            output += "</mroot>"
        case .fenced(let open, let content, let close):
            let choice = content.extent(display: style.display).delimiter
            output += "<mrow>"
            if !open.isEmpty { renderFence(open, form: "prefix", choice: choice) }
            renderChildren(Self.children(of: content), style: style)
            if !close.isEmpty { renderFence(close, form: "postfix", choice: choice) }
            output += "</mrow>"
        case .sizedDelimiter(let delimiter, let size, let role):
            renderSizedDelimiter(delimiter, size: size, role: role)
        case .accent(let base, let accent):
            let (element, attribute) = accent == .underline ? ("munder", "accentunder") : ("mover", "accent")
            output += "<\(element) \(attribute)=\"true\">"
            renderElement(base, style: style)
            output += "<mo stretchy=\"\(accent.stretches)\">\(MarkupEscaping.text(accent.mathMLCharacter))</mo></\(element)>"
        case .styled(let variant, let content):
            renderElement(content, style: Style(display: style.display, variant: variant))
        case .table(let table):
            renderTable(table, style: style)
        }
    }

    private mutating func renderIdentifier(_ name: String, variant: MathVariant?) {
        let single = name.count == 1
        switch variant {
        case nil, .italic?:
            // Chromium italicizes single letters, Greek capitals included; TeX keeps those upright.
            let upright = single && name.unicodeScalars.first.map { (0x391...0x3A9).contains($0.value) } == true
            output += upright ? "<mi mathvariant=\"normal\">" : "<mi>"
        case .normal?:
            output += single ? "<mi mathvariant=\"normal\">" : "<mi>"
        case let variant?:
            output += "<mi>\(MarkupEscaping.text(variant.apply(to: name)))</mi>"
            return
        }
        output += "\(MarkupEscaping.text(name))</mi>"
    }

    /// Writes a `\left` or `\right` delimiter as TeX sizes it for what it encloses
    /// (``MathExtent/delimiter``): the plain glyph, or the glyph scaled to a `\big` size as
    /// ``renderSizedDelimiter(_:size:role:)`` draws it, so it is as wide as its ink. Only content
    /// taller than `\Bigg` gets a stretchy operator, which MathML Core makes as wide as the
    /// font's widest variant (0.875 em for a parenthesis, against a plain one's 0.39 em).
    private mutating func renderFence(_ delimiter: String, form: String, choice: DelimiterChoice) {
        switch choice {
        case .ordinary:
            output += "<mo fence=\"true\" form=\"\(form)\" stretchy=\"false\">\(MarkupEscaping.text(delimiter))</mo>"
        case .sized(let size):
            renderSizedDelimiter(delimiter, size: size, role: form == "prefix" ? .opening : .closing)
        case .stretchy:
            output += "<mo fence=\"true\" form=\"\(form)\" stretchy=\"true\">\(MarkupEscaping.text(delimiter))</mo>"
        }
    }

    /// Writes `\big(` and the like as the delimiter's ordinary glyph, scaled to the size's
    /// extent and centred on the math axis, with the space TeX gives its role.
    ///
    /// Not as a stretchy `<mo>` with `minsize` and `maxsize`: MathML Core makes a stretchy
    /// operator as wide as the widest of the font's variants and assembly parts, whatever size
    /// it draws, which for Latin Modern Math's parentheses is 0.8 em, so a `\big(` stood apart
    /// from what it encloses. A scaled glyph is as wide as its ink, like a plain parenthesis,
    /// and close to TeX's own (0.47 em for `\big(`, 0.46 em in TeX). A glyph scales up from the
    /// baseline, so `voffset` lowers it by as much as its centre rose above the axis, and
    /// `height` and `depth` give the box TeX's extent, centred on the axis.
    private mutating func renderSizedDelimiter(_ delimiter: String, size: DelimiterSize, role: MathAtomClass) {
        let axisHeight = MathExtent.axisHeight
        let extent = size.extent
        let space = role == .relation ? MathSpace.thick.em : "0"
        output += "<mpadded height=\"\(Self.em(axisHeight + extent / 2))\" depth=\"\(Self.em(extent / 2 - axisHeight))\""
        output += " voffset=\"\(Self.em(-axisHeight * (extent - 1)))\">"
        output += "<mo stretchy=\"false\" lspace=\"\(space)\" rspace=\"\(space)\" mathsize=\"\(Self.em(extent))\">\(MarkupEscaping.text(delimiter))</mo>"
        output += "</mpadded>"
    }

    /// A length in em with at most four decimals and no trailing zeros: `0.85em`, `-0.05em`.
    private static func em(_ value: Double) -> String {
        let tenThousandths = Int((abs(value) * 10_000).rounded())
        var fraction = String(tenThousandths % 10_000)
        fraction = String(repeating: "0", count: 4 - fraction.count) + fraction
        while fraction.hasSuffix("0") { fraction.removeLast() }
        let sign = value < 0 && tenThousandths > 0 ? "-" : ""
        return sign + String(tenThousandths / 10_000) + (fraction.isEmpty ? "" : "." + fraction) + "em"
    }

    private mutating func renderScripts(base: MathNode, subscript lower: MathNode?, superscript upper: MathNode?, style: Style) {
        // A prime glyph already sits high; raising it again, as `<msup>` would, puts it too high.
        if lower == nil, case .row(let primes)? = upper, !primes.isEmpty,
           primes.allSatisfy({ $0 == .operator("\u{2032}", .ordinary) }) {
            output += "<mrow>"
            renderElement(base, style: style)
            output += "<mo>\(String(repeating: "\u{2032}", count: primes.count))</mo></mrow>"
            return
        }
        let limits = style.display && base.takesLimits
        let element = switch (lower != nil, upper != nil, limits) {
        case (true, true, true): "munderover"
        case (true, false, true): "munder"
        case (false, true, true): "mover"
        case (true, true, false): "msubsup"
        case (true, false, false): "msub"
        default: "msup"
        }
        output += "<\(element)>"
        renderElement(base, style: style)
        if let lower { renderElement(lower, style: style.inScript) }
        if let upper { renderElement(upper, style: style.inScript) }
        output += "</\(element)>"
    }

    private mutating func renderFraction(_ numerator: MathNode, _ denominator: MathNode, _ fractionStyle: FractionStyle, style: Style) {
        switch fractionStyle {
        case .automatic:
            output += "<mfrac>"
            renderElement(numerator, style: style.inScript)
            renderElement(denominator, style: style.inScript)
            output += "</mfrac>"
        case .text:
            if style.display { output += "<mstyle displaystyle=\"false\">" }
            renderFraction(numerator, denominator, .automatic, style: style.inScript)
            if style.display { output += "</mstyle>" }
        case .display:
            let display = Style(display: true, variant: style.variant)
            if !style.display { output += "<mstyle displaystyle=\"true\">" }
            output += "<mfrac><mstyle displaystyle=\"true\">"
            renderElement(numerator, style: display)
            output += "</mstyle><mstyle displaystyle=\"true\">"
            renderElement(denominator, style: display)
            output += "</mstyle></mfrac>"
            if !style.display { output += "</mstyle>" }
        }
    }

    private mutating func renderTable(_ table: MathTable, style: Style) {
        let (open, close): (String, String) = switch table.kind {
        case .matrix(let open, let close): (open, close)
        case .cases: ("{", "")
        case .aligned, .gathered: ("", "")
        }
        output += "<mrow>"
        if !open.isEmpty { output += "<mo fence=\"true\" form=\"prefix\" stretchy=\"true\">\(MarkupEscaping.text(open))</mo>" }
        output += "<mtable>"
        for row in table.rows {
            output += "<mtr>"
            for (column, cell) in row.enumerated() {
                var nodes = Self.children(of: cell)
                let cellStyle: String
                var displayStyle = false
                switch table.kind {
                case .aligned:
                    let right = column % 2 == 0
                    cellStyle = right ? "text-align: right; padding-right: 0" : "text-align: left; padding-left: 0"
                    displayStyle = true
                    // `&=` keeps the space of a relation, as `{}=` does in TeX.
                    if !right, let first = nodes.first, first.atomClass == .relation { nodes.insert(.row([]), at: 0) }
                case .gathered:
                    cellStyle = "text-align: center"
                    displayStyle = true
                case .cases:
                    cellStyle = column == 0 ? "text-align: left" : "text-align: left; padding-left: 1em"
                case .matrix:
                    cellStyle = "text-align: center"
                }
                output += "<mtd style=\"\(cellStyle)\">"
                if displayStyle { output += "<mstyle displaystyle=\"true\">" }
                renderChildren(nodes, style: Style(display: displayStyle, variant: style.variant))
                if displayStyle { output += "</mstyle>" }
                output += "</mtd>"
            }
            output += "</mtr>"
        }
        output += "</mtable>"
        if !close.isEmpty { output += "<mo fence=\"true\" form=\"postfix\" stretchy=\"true\">\(MarkupEscaping.text(close))</mo>" }
        output += "</mrow>"
    }

    private static func children(of node: MathNode) -> [MathNode] {
        if case .row(let nodes) = node { nodes } else { [node] }
    }

    /// Delimiters that must not grow with their neighbours unless `\left`/`\right` asks.
    static let fences: Set<String> = ["(", ")", "[", "]", "{", "}", "|", "\u{2016}", "\u{27E8}", "\u{27E9}", "\u{230A}", "\u{230B}", "\u{2308}", "\u{2309}", "/"]
}

extension String {
    func replacingSpaces(with replacement: Character) -> String {
        String(map { $0 == " " ? replacement : $0 })
    }
}
