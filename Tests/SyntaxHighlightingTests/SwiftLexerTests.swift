import Testing
@testable import SyntaxHighlighting

@Suite struct SwiftLexerTests {
    /// One token per line: its kind, a tab, and its text in Swift string-literal form.
    static func listing(_ tokens: [Token]) -> String {
        tokens.map { "\($0.kind.rawValue)\t\($0.text.debugDescription)" }.joined(separator: "\n")
    }

    @Test(arguments: ["cell", "library"])
    func tokenizesFixture(_ name: String) throws {
        let source = try golden.read("\(name)/source.txt")
        let tokens = SwiftLexer.tokenize(source)
        #expect(tokens.map(\.text).joined() == source)
        try golden.check(Self.listing(tokens), against: "\(name)/tokens.txt")
        try golden.check(HTMLHighlighter.render(tokens), against: "\(name)/highlighted.html")
    }

    @Test func classifiesTheCellLanguage() {
        let tokens = SwiftLexer.tokenize(#"let vae = trainVAE(on: data, epochs: 5) // go"#)
        let kinds = tokens.filter { !$0.text.allSatisfy(\.isWhitespace) }.map { "\($0.kind):\($0.text)" }
        #expect(kinds == [
            "keyword:let", "plain:vae", "operator:=", "function:trainVAE", "punctuation:(",
            "argumentLabel:on", "punctuation::", "plain:data", "punctuation:,", "argumentLabel:epochs",
            "punctuation::", "number:5", "punctuation:)", "comment:// go",
        ])
    }

    @Test func numbersKeepUnderscoresBasesAndExponents() {
        for literal in ["20_000", "0xFF_FF", "0b1010", "0o17", "1e-3", "2.5E+10", "0x1p-20", "1_000.5"] {
            #expect(SwiftLexer.tokenize(literal) == [Token(.number, literal)], "\(literal)")
        }
        // A method call on an integer is not a decimal point.
        #expect(SwiftLexer.tokenize("1.description").map(\.kind) == [.number, .punctuation, .plain])
    }

    @Test func interpolationsAreCodeInsideStrings() {
        let tokens = SwiftLexer.tokenize(#""a \(f(x)) b""#)
        #expect(tokens == [
            Token(.string, #""a "#), Token(.interpolation, #"\("#), Token(.function, "f"), Token(.punctuation, "("),
            Token(.plain, "x"), Token(.punctuation, ")"), Token(.interpolation, ")"), Token(.string, #" b""#),
        ])
    }

    @Test func rawStringsInterpolateOnlyWithTheirHashes() {
        let tokens = SwiftLexer.tokenize(##"#"\(a) \#(b)"#"##)
        #expect(tokens.map(\.kind) == [.string, .interpolation, .plain, .interpolation, .string])
        #expect(tokens.first?.text == ##"#"\(a) "##)
    }

    @Test func unterminatedConstructsStopSafely() {
        #expect(SwiftLexer.tokenize("\"open\nlet x").map(\.kind) == [.string, .plain, .keyword, .plain, .plain])
        #expect(SwiftLexer.tokenize("/* never closed").map(\.kind) == [.comment])
        #expect(SwiftLexer.tokenize("\"\\(unclosed").map(\.kind) == [.string, .interpolation, .plain])
    }

    @Test func commentsAreDocOnlyWithExactlyThreeSlashesOrTwoStars() {
        #expect(SwiftLexer.tokenize("/// doc").first?.kind == .docComment)
        #expect(SwiftLexer.tokenize("//// banner").first?.kind == .comment)
        #expect(SwiftLexer.tokenize("/** doc */").first?.kind == .docComment)
        #expect(SwiftLexer.tokenize("/**/").first?.kind == .comment)
        #expect(SwiftLexer.tokenize("a+//c").map(\.kind) == [.plain, .operator, .comment])
    }

    @Test func declarationLabelsAndParameterNames() {
        let tokens = SwiftLexer.tokenize("func f(on data: D)")
        #expect(tokens.first { $0.text == "on" }?.kind == .argumentLabel)
        #expect(tokens.first { $0.text == "data" }?.kind == .plain)
        #expect(tokens.first { $0.text == "f" }?.kind == .function)
        #expect(SwiftLexer.tokenize("a ? b : c").first { $0.text == "b" }?.kind == .plain)
    }
}
