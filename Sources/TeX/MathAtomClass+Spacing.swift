extension MathAtomClass {
    /// The space TeX puts between two adjacent atoms: 0 none, 1 thin, 2 medium, 3 thick.
    /// Medium and thick spaces, and the thin space after punctuation, vanish in scripts.
    static func spacing(between left: MathAtomClass, and right: MathAtomClass, inScript: Bool) -> Int {
        // The TeXbook's table (chapter 18); negative entries are dropped in script styles.
        let table: [[Int]] = [
            //  ord  op  bin rel open close punct inner
            [0, 1, -2, -3, 0, 0, 0, -1],  // ord
            [1, 1, 0, -3, 0, 0, 0, -1],  // op
            [-2, -2, 0, 0, -2, 0, 0, -2],  // bin
            [-3, -3, 0, 0, -3, 0, 0, -3],  // rel
            [0, 0, 0, 0, 0, 0, 0, 0],  // open
            [0, 1, -2, -3, 0, 0, 0, -1],  // close
            [-1, -1, 0, -1, -1, -1, -1, -1],  // punct
            [-1, 1, -2, -3, -1, 0, -1, -1],  // inner
        ]
        let value = table[left.index][right.index]
        return value < 0 ? (inScript ? 0 : -value) : value
    }

    private var index: Int {
        switch self {
        case .ordinary: 0
        case .largeOperator: 1
        case .binary: 2
        case .relation: 3
        case .opening: 4
        case .closing: 5
        case .punctuation: 6
        case .inner: 7
        }
    }
}

extension MathNode {
    /// The atom's role for spacing; `nil` for explicit space, which is not an atom.
    var atomClass: MathAtomClass? {
        switch self {
        case .row, .number, .identifier, .text, .root, .accent: .ordinary
        case .function, .largeOperator: .largeOperator
        case .operator(_, let role), .sizedDelimiter(_, _, let role): role
        case .space: nil
        case .scripts(let base, _, _), .stacked(let base, _, _):
            if case .row(let nodes) = base, nodes.count == 1 { nodes[0].atomClass ?? .ordinary } else { base.atomClass ?? .ordinary }
        case .fraction, .binomial, .fenced, .table: .inner
        case .styled(_, let content):
            if case .row(let nodes) = content, nodes.count == 1 { nodes[0].atomClass } else { content.atomClass }
        }
    }

    /// The roles of the atoms of a row after TeX's rule that a binary operator with nothing
    /// to combine on one side (as the `−` of `−x` or `(−1)`) is an ordinary symbol.
    static func resolvedClasses(of nodes: [MathNode]) -> [MathAtomClass?] {
        var classes = nodes.map(\.atomClass)
        var previous: Int?
        for index in classes.indices {
            guard let current = classes[index] else { continue }
            let before = previous.flatMap { classes[$0] }
            if current == .binary {
                switch before {
                case nil, .binary?, .largeOperator?, .relation?, .opening?, .punctuation?:
                    classes[index] = .ordinary
                default: break
                }
            }
            if [.relation, .closing, .punctuation].contains(current), let previous, classes[previous] == .binary {
                classes[previous] = .ordinary
            }
            previous = index
        }
        if let previous, classes[previous] == .binary { classes[previous] = .ordinary }
        return classes
    }

    /// Whether scripts go under and over this base in display style.
    var takesLimits: Bool {
        switch self {
        case .largeOperator(_, let limits), .function(_, let limits): limits
        case .styled(_, let content): content.takesLimits
        case .row(let nodes): nodes.count == 1 && nodes[0].takesLimits
        default: false
        }
    }

    /// Whether this is a function name such as `log`, possibly with scripts, that applies to
    /// what follows it.
    var isFunctionName: Bool {
        switch self {
        case .function: true
        case .scripts(let base, _, _): base.isFunctionName
        default: false
        }
    }
}
