/// The attributes a `swift cell` info string may carry: the one place that lists them.
struct CellAttributeRule: Sendable {
    /// The key, as written before `=`.
    let name: String
    /// Whether the attribute may be written alone, meaning `true` (like `hidden`).
    let isFlag: Bool
    /// Whether the front matter's `defaults:` may give a lesson-wide value.
    let allowsDefault: Bool
    /// Returns a message when a value is not acceptable.
    let problem: @Sendable (String) -> String?

    /// Every known attribute.
    static let all: [CellAttributeRule] = [
        CellAttributeRule(name: "id", isFlag: false, allowsDefault: false) { value in
            value.utf8.allSatisfy { isLowercaseLetterOrDigit($0) || $0 == UInt8(ascii: "-") }
                ? nil : "cell id '\(value)' may contain only lowercase letters, digits and '-'"
        },
        CellAttributeRule(name: "caption", isFlag: false, allowsDefault: false) { _ in nil },
        CellAttributeRule(name: "alt", isFlag: false, allowsDefault: false) { _ in nil },
        CellAttributeRule(name: "seed", isFlag: false, allowsDefault: true) { value in
            UInt64(value) != nil ? nil : "seed '\(value)' must be a whole number from 0 to \(UInt64.max)"
        },
        CellAttributeRule(name: "timeout", isFlag: false, allowsDefault: true) { value in
            if let seconds = Double(value), seconds.isFinite, seconds > 0 { return nil }
            return "timeout '\(value)' must be a positive number of seconds"
        },
        CellAttributeRule(name: "tolerance", isFlag: false, allowsDefault: true) { value in
            if let fraction = Double(value), (0...1).contains(fraction) { return nil }
            return "tolerance '\(value)' must be a fraction from 0 to 1, like 0.01 to accept differences up to 1%"
        },
        CellAttributeRule(name: "hidden", isFlag: true, allowsDefault: false) { value in
            value == "true" || value == "false" ? nil : "hidden must be 'true' or 'false', not '\(value)'"
        },
    ]

    /// The rule for `name`, if it is a known attribute.
    static func named(_ name: String) -> CellAttributeRule? { all.first { $0.name == name } }

    /// The names of every known attribute, for hints.
    static var names: [String] { all.map(\.name) }

    private static func isLowercaseLetterOrDigit(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }
}
