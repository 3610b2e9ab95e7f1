/// Where a formula too wide for its line may break: outside brackets, before an operator or
/// relation (so a continuation line starts with `+` or `=` and reads as the rest of the
/// formula), or at a wide space (`\quad`) between two formulas. Never inside `𝒩(0, 1)`, nor
/// between the factors of a product such as `β D_(KL)`.
///
/// ``TextWrapper`` breaks at every space, so the spaces where a formula must not break become
/// no-break spaces while it is wrapped, and plain spaces again after.
enum MathBreaks {
    /// Symbols that stand alone between spaces, for operators and relations.
    static let operators: Set<String> = ["+", "−", "-", "±", "∓", "=", "≠", "≈", "≡", "∝", "<", ">", "≤", "≥", "≪", "≫",
                                         "∼", "~", "→", "←", "↦", "⇒", "⇔", "⊙", "·", "×", "∈", "∉", "⊂", "⊆", "‖"]

    static let noBreakSpace = TextWrapper.noBreakSpace

    private static let opening: Set<Character> = ["(", "[", "{", "⟨"]
    private static let closing: Set<Character> = [")", "]", "}", "⟩"]

    /// `math` with a no-break space for every space where it must not break.
    static func protectingSpaces(in math: String) -> String {
        let characters = Array(math)
        var result = ""
        var depth = 0
        var index = 0
        var token = ""
        while index < characters.count {
            let character = characters[index]
            guard character == " " else {
                if opening.contains(character) { depth += 1 }
                if closing.contains(character) { depth = max(0, depth - 1) }
                token.append(character)
                result.append(character)
                index += 1
                continue
            }
            let run = characters[index...].prefix { $0 == " " }.count
            let next = String(characters[(index + run)...].prefix { $0 != " " })
            // An operator right after another, as in `= −`, is a sign and stays with it.
            let beforeOperator = operators.contains(next) && !operators.contains(token)
            let breakable = depth == 0 && (run > 1 || beforeOperator)
            result.append(String(repeating: breakable ? " " : noBreakSpace, count: run))
            token = ""
            index += run
        }
        return result
    }

    /// The text with every no-break space a plain space again.
    static func restoringSpaces(in text: StyledText) -> StyledText {
        StyledText(spans: text.spans.map { StyledSpan(String($0.text.map { $0 == noBreakSpace ? " " : $0 }), style: $0.style) })
    }
}
