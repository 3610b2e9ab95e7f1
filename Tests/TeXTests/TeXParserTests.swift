import Testing
@testable import TeX

@Suite struct TeXParserTests {
    @Test func scriptsAttachToTheAtomBeforeThem() throws {
        #expect(try TeX.parse("x_i^2") == .row([.scripts(base: .identifier("x"), subscript: .identifier("i"), superscript: .number("2"))]))
        #expect(try TeX.parse("x^2_i") == .row([.scripts(base: .identifier("x"), subscript: .identifier("i"), superscript: .number("2"))]))
        #expect(try TeX.parse("x_{ij}") == .row([.scripts(base: .identifier("x"), subscript: .row([.identifier("i"), .identifier("j")]), superscript: nil)]))
        // A script argument is one token: `x^12` is `x^{1}2`, as in TeX.
        #expect(try TeX.parse("x^12") == .row([.scripts(base: .identifier("x"), subscript: nil, superscript: .number("1")), .number("2")]))
        #expect(try TeX.parse("^2") == .row([.scripts(base: .row([]), subscript: nil, superscript: .number("2"))]))
    }

    @Test func primesJoinAFollowingSuperscript() throws {
        let prime = MathNode.operator("\u{2032}", .ordinary)
        #expect(try TeX.parse("f''") == .row([.scripts(base: .identifier("f"), subscript: nil, superscript: .row([prime, prime]))]))
        #expect(try TeX.parse("f'^2") == .row([.scripts(base: .identifier("f"), subscript: nil, superscript: .row([prime, .number("2")]))]))
        #expect(try TeX.unicode("f''(x) + g'^2") == "f′′(x) + g′²")
    }

    @Test func numbersKeepTheirDecimalPoint() throws {
        #expect(try TeX.parse("3.14x") == .row([.number("3.14"), .identifier("x")]))
        #expect(try TeX.parse("1.") == .row([.number("1"), .operator(".", .ordinary)]))
        #expect(try TeX.parse(#"\frac12"#) == .row([.fraction(numerator: .number("1"), denominator: .number("2"), style: .automatic)]))
    }

    @Test func styledLettersMergeIntoOneIdentifier() throws {
        #expect(try TeX.parse(#"\mathrm{KL}"#) == .row([.styled(.normal, .row([.identifier("KL")]))]))
        #expect(try TeX.unicode(#"\mathbf{xy} \mathbb{R} \mathcal{N} \mathbb{E}"#) == "𝐱𝐲ℝ𝒩𝔼")
    }

    @Test func commentsAndWhitespaceAreIgnored() throws {
        #expect(try TeX.parse("a % comment }\n + b") == TeX.parse("a+b"))
    }

    @Test func textKeepsItsWordsAndEscapes() throws {
        #expect(try TeX.parse(#"\text{if  a \{b\} \% 100}"#) == .row([.text("if a {b} % 100")]))
        #expect(try TeX.parse(#"\operatorname*{arg\,max}_x"#) == .row([.scripts(base: .function("arg max", limits: true), subscript: .identifier("x"), superscript: nil)]))
    }

    @Test func unaryMinusIsNotSpacedLikeSubtraction() throws {
        #expect(try TeX.unicode("-x + (-1) = a - -b") == "−x + (−1) = a − −b")
        #expect(try TeX.mathML("-x", display: false).contains(#"<mo form="prefix">−</mo>"#))
    }

    @Test func unicodeFallsBackWhereNoScriptCharactersExist() throws {
        #expect(try TeX.unicode(#"\sum_{i=1}^{N}"#) == "∑ᵢ₌₁ᴺ")
        #expect(try TeX.unicode(#"\sum_{i=1}^{Q}"#) == "∑ᵢ₌₁^Q")
        #expect(try TeX.unicode(#"x^{n+1} x_{i,j} x_{ij} x^{qq}"#) == "xⁿ⁺¹x_(i,j)xᵢⱼx^(qq)")
        let roots = try TeX.unicode(#"\sqrt{x} \sqrt{x+1} \frac{a+b}{c}"#)
        #expect(roots == "√x√(x + 1) (a + b)/c")
        #expect(try TeX.unicode(#"\frac{1}{2} + \frac{3}{4} + \frac{1}{11}"#) == "½ + ¾ + 1/11")
        #expect(try TeX.unicode(#"\frac{a}{b}^2"#) == "(a/b)²")
        #expect(try TeX.unicode(#"\|x\| \langle a, b \rangle \mathbf{W}^T"#) == "‖x‖⟨a, b⟩𝐖ᵀ")
    }

    @Test func supportedCommandsCoverTheLessons() {
        let commands = Set(TeX.supportedCommands)
        for command in [#"\frac"#, #"\tfrac"#, #"\sum"#, #"\mathbb"#, #"\mathcal"#, #"\left"#, #"\big"#, #"\|"#, #"\sim"#, #"\varepsilon"#, #"\operatorname"#, #"\mapsto"#] {
            #expect(commands.contains(command))
        }
    }
}
