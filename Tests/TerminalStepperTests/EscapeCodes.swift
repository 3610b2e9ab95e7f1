/// Reads escape codes back out of captured terminal text.
enum EscapeCodes {
    /// The SGR parameters in `text` that set a color (30–38, 40–48, 90–97, 100–107); the
    /// defaults 39 and 49 do not count, since they only take color away.
    static func colorParameters(in text: String) -> [Int] {
        var found: [Int] = []
        var rest = Substring(text)
        while let start = rest.range(of: "\u{1B}[") {
            rest = rest[start.upperBound...]
            guard let end = rest.firstIndex(where: { !($0.isNumber || $0 == ";") }) else { break }
            if rest[end] == "m" {
                let parameters = rest[..<end].split(separator: ";").compactMap { Int($0) }
                // Skip the values that follow 38/48 (5;n or 2;r;g;b), which are not codes.
                var index = 0
                while index < parameters.count {
                    let code = parameters[index]
                    if (30...38).contains(code) || (40...48).contains(code) || (90...97).contains(code) || (100...107).contains(code) {
                        found.append(code)
                    }
                    index += (code == 38 || code == 48) ? (parameters.count > index + 1 && parameters[index + 1] == 2 ? 5 : 3) : 1
                }
            }
            rest = rest[end...]
        }
        return found
    }

    /// Whether `text` holds any escape character at all.
    static func containsAny(_ text: String) -> Bool { text.contains("\u{1B}") }
}
