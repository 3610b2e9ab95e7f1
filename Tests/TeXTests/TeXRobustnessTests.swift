import Testing
@testable import TeX
import TestSupport

/// Hostile input never crashes the converter: it either renders or throws a located TeXError.
@Suite struct TeXRobustnessTests {
    static let fragments = [
        #"\frac"#, #"\tfrac"#, "{", "}", "{", "}", "^", "_", "'", #"\left("#, #"\right)"#, #"\left."#, #"\right|"#,
        "&", #"\\"#, #"\begin{cases}"#, #"\end{cases}"#, #"\begin{pmatrix}"#, #"\end{pmatrix}"#, #"\sqrt["#, "]", "[",
        "x", "1", "2.5", " ", "\n", "+", "-", "=", #"\alpha"#, #"\sum"#, #"\int"#, #"\log"#, #"\mathbb"#, #"\mathbf"#,
        #"\text{"#, #"\operatorname{"#, #"\big("#, #"\|"#, #"\,"#, #"\!"#, #"\hat"#, #"\overline"#, "%", "$", "#",
        "\\", "é", "\u{301}", "😀", "\u{0}", #"\unknown"#, "~", "<", "&amp;",
    ]

    @Test func randomFragmentsNeverCrash() {
        var generator = SplitMix64(seed: 2024)
        for _ in 0..<4000 {
            let count = Int.random(in: 0...24, using: &generator)
            let latex = (0..<count).map { _ in Self.fragments.randomElement(using: &generator)! }.joined()
            exercise(latex)
        }
    }

    @Test func randomBytesNeverCrash() {
        var generator = SplitMix64(seed: 7)
        for _ in 0..<4000 {
            let count = Int.random(in: 0...48, using: &generator)
            let bytes = (0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) }
            exercise(String(decoding: bytes, as: UTF8.self))
            let ascii = bytes.map { 32 + $0 % 95 }
            exercise(String(decoding: ascii, as: UTF8.self))
        }
    }

    @Test(arguments: ["{", #"\frac"#, #"\sqrt["#, "x^{", #"\left("#, #"\begin{cases}"#, #"\mathbf{"#, #"\hat"#, "{x_"])
    func deepNestingIsAnErrorNotACrash(_ opener: String) {
        let latex = String(repeating: opener, count: 20_000)
        #expect(throws: TeXError.self) { try TeX.parse(latex) }
    }

    @Test func nestingUpToTheLimitWorks() throws {
        let depth = TeX.maximumNesting - 1
        let latex = String(repeating: "{", count: depth) + "x" + String(repeating: "}", count: depth)
        #expect(try TeX.unicode(latex) == "x")
    }

    @Test func longFlatFormulasAreFine() throws {
        let latex = String(repeating: "x_i + ", count: 20_000) + "1"
        let text = try TeX.unicode(latex)
        #expect(text.hasSuffix("xᵢ + 1"))
    }

    private func exercise(_ latex: String) {
        do {
            let node = try TeX.parse(latex)
            for display in [true, false] {
                let markup = TeX.mathML(for: node, latex: latex, display: display)
                #expect(MarkupCheck.unbalancedTag(in: markup) == nil, "unbalanced MathML for \(latex.debugDescription): \(markup)")
            }
            _ = TeX.unicode(for: node)
        } catch {
            #expect(error.location.utf8Offset <= latex.utf8.count)
            #expect(error.location.line >= 1 && error.location.column >= 1)
        }
    }
}
