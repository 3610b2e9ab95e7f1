import Foundation
import Testing
import TeX

/// A lesson's formula is parsed once, when the lesson is: a value of `MathFormula` always
/// holds math the renderers can draw, also when it is read back from a stored lesson.
@Suite struct MathFormulaTests {
    @Test func parsesOnceAndRendersFromTheParse() throws {
        let formula = try MathFormula(latex: "\\mu_j^2")
        #expect(TeX.unicode(for: formula.node) == "μⱼ²")
        #expect(TeX.mathML(for: formula.node, latex: formula.latex, display: false) == (try TeX.mathML("\\mu_j^2", display: false)))
    }

    @Test func mathOutsideTheSubsetIsNoFormula() {
        #expect(throws: TeXError.self) { try MathFormula(latex: "a + \\nope{b}") }
        #expect(throws: TeXError.self) { try MathFormula(latex: "\\frac{") }
    }

    @Test func storedAsItsLaTeXAndParsedWhenReadBack() throws {
        let formula = try MathFormula(latex: "\\frac{1}{2}\\sum_j x_j")
        let data = try JSONEncoder().encode([formula])
        #expect(String(decoding: data, as: UTF8.self) == #"["\\frac{1}{2}\\sum_j x_j"]"#)
        #expect(try JSONDecoder().decode([MathFormula].self, from: data) == [formula])
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([MathFormula].self, from: Data(#"["\\nope"]"#.utf8)) }
    }
}
