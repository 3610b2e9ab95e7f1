import Testing
@testable import TeX

/// Every error kind, with the exact place it points at.
@Suite struct TeXErrorTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var latex: String
        var kind: TeXError.Kind
        var line = 1
        var column: Int
        var hintContains = ""
        var testDescription: String { latex }
    }

    static let cases: [Case] = [
        Case(latex: #"x + \alpah"#, kind: .unknownCommand("alpah"), column: 5, hintContains: #"did you mean '\alpha'?"#),
        Case(latex: #"\mathbbb{R}"#, kind: .unknownCommand("mathbbb"), column: 1, hintContains: #"'\mathbb'"#),
        Case(latex: #"\zzzzqqq"#, kind: .unknownCommand("zzzzqqq"), column: 1, hintContains: "TeX.supportedCommands"),
        Case(latex: #"\text{a \alpha}"#, kind: .unknownCommand("alpha"), column: 9, hintContains: "put math outside"),
        Case(latex: #"\begin{matrx} a \end{matrx}"#, kind: .unknownEnvironment("matrx"), column: 1, hintContains: "'matrix'"),
        Case(latex: #"\frac{1}{2"#, kind: .unclosedBrace, column: 9, hintContains: "'}'"),
        Case(latex: #"\text{abc"#, kind: .unclosedBrace, column: 6),
        Case(latex: #"\sqrt[3{x}"#, kind: .unclosedBrace, column: 6, hintContains: "']'"),
        Case(latex: #"a + b}"#, kind: .unexpectedClosingBrace, column: 6),
        Case(latex: #"x + \frac{1}"#, kind: .missingArgument(command: #"\frac"#), column: 5, hintContains: #"\frac{numerator}{denominator}"#),
        Case(latex: #"{\hat}"#, kind: .missingArgument(command: #"\hat"#), column: 2),
        Case(latex: #"x^"#, kind: .missingArgument(command: "^"), column: 2),
        Case(latex: #"x_^2"#, kind: .missingArgument(command: "_"), column: 2),
        Case(latex: #"\sqrt"#, kind: .missingArgument(command: #"\sqrt"#), column: 1),
        Case(latex: #"\text"#, kind: .missingArgument(command: #"\text"#), column: 1),
        Case(latex: #"\begin"#, kind: .missingArgument(command: #"\begin"#), column: 1),
        Case(latex: #"a = \left( x + 1"#, kind: .leftWithoutRight, column: 5, hintContains: #"\right"#),
        Case(latex: #"{\left( x} \right)"#, kind: .leftWithoutRight, column: 2),
        Case(latex: #"x \right)"#, kind: .rightWithoutLeft, column: 3),
        Case(latex: #"\left x \right)"#, kind: .invalidDelimiter(command: #"\left"#), column: 1, hintContains: #"\langle"#),
        Case(latex: #"\left( x \right\foo"#, kind: .invalidDelimiter(command: #"\right"#), column: 10),
        Case(latex: #"\big"#, kind: .invalidDelimiter(command: #"\big"#), column: 1),
        Case(latex: #"\begin{cases} a & b"#, kind: .unclosedEnvironment("cases"), column: 1, hintContains: #"\end{cases}"#),
        Case(latex: #"\begin{cases} a \end{matrix}"#, kind: .mismatchedEnd(expected: "cases", found: "matrix"), column: 17),
        Case(latex: #"a \end{cases}"#, kind: .mismatchedEnd(expected: nil, found: "cases"), column: 3),
        Case(latex: #"x_1_2"#, kind: .doubleScript, column: 4, hintContains: "x_{ij}"),
        Case(latex: #"x^a'"#, kind: .doubleScript, column: 4),
        Case(latex: #"a & b"#, kind: .misplacedAlignment("&"), column: 3),
        Case(latex: #"a \\ b"#, kind: .misplacedAlignment(#"\\"#), column: 3),
        Case(latex: #"a $ b"#, kind: .unexpectedCharacter("$"), column: 3, hintContains: #"\$"#),
        Case(latex: #"#1"#, kind: .unexpectedCharacter("#"), column: 1),
        Case(latex: "a\u{7}b", kind: .unexpectedCharacter("\u{7}"), column: 2, hintContains: "remove"),
        Case(latex: #"a \"#, kind: .trailingBackslash, column: 3),
        Case(latex: "a +\n  \\foo", kind: .unknownCommand("foo"), line: 2, column: 3),
        Case(latex: String(repeating: "{", count: 200), kind: .nestingTooDeep, column: TeX.maximumNesting + 1),
    ]

    @Test(arguments: cases)
    func reportsLocatedError(_ testCase: Case) {
        #expect {
            _ = try TeX.parse(testCase.latex)
        } throws: { error in
            guard let error = error as? TeXError else { return false }
            #expect(error.kind == testCase.kind)
            #expect(error.location.line == testCase.line)
            #expect(error.location.column == testCase.column)
            #expect(testCase.hintContains.isEmpty || error.hint.contains(testCase.hintContains), "hint: \(error.hint)")
            #expect(!error.message.isEmpty)
            return true
        }
    }

    @Test func locationCountsBytesAndCharactersSeparately() throws {
        // α and β take two bytes each; the combining accent makes `é` one character of three bytes.
        let error = try #require(throws: TeXError.self) { try TeX.parse("αβ + e\u{301} \\foo") }
        #expect(error.location.utf8Offset == 11)
        #expect(error.location.utf8Column == 12)
        #expect(error.location.column == 8)
        #expect(error.location.line == 1)
    }

    @Test func descriptionReadsLikeACompilerError() throws {
        let error = try #require(throws: TeXError.self) { try TeX.parse(#"x + \alpah"#) }
        #expect(error.description == #"1:5: error: unknown command '\alpah'; did you mean '\alpha'?"#)
    }

    @Test func suggestionsAreClose() throws {
        func hint(_ latex: String) throws -> String {
            try #require(throws: TeXError.self) { try TeX.parse(latex) }.hint
        }
        #expect(try hint(#"\frca{1}{2}"#) == #"did you mean '\frac'?"#)
        #expect(try hint(#"\sigam"#) == #"did you mean '\sigma'?"#)
        #expect(try hint(#"\qwertyuiop"#).contains("TeX.supportedCommands"))
    }
}
