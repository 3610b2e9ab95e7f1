import Foundation
import Testing
@testable import TeX

/// Each fixture folder holds `formula.tex` and its expected MathML (display and inline) and
/// Unicode renderings.
@Suite struct TeXGoldenTests {
    @Test(arguments: golden.cases(holding: "formula.tex"))
    func rendersFixture(_ name: String) throws {
        let latex = try golden.read("\(name)/formula.tex").trimmingCharacters(in: .newlines)
        try golden.check(try TeX.mathML(latex, display: true), against: "\(name)/display.mathml")
        try golden.check(try TeX.mathML(latex, display: false), against: "\(name)/inline.mathml")
        try golden.check(try TeX.unicode(latex), against: "\(name)/unicode.txt")
    }

    @Test func fixturesExist() {
        #expect(golden.cases(holding: "formula.tex").count >= 8)
    }

    @Test func ganLossReadsWellInTheTerminal() throws {
        let latex = #"C(D, G) = \frac{1}{N_r} \sum_{\mathbf{x}_i \in X} \log(D(\mathbf{x}_i)) + \frac{1}{N_s} \sum_{\mathbf{z}_j \in Z} \log(1 - D(G(\mathbf{z}_j)))"#
        #expect(try TeX.unicode(latex) == "C(D, G) = 1/Nᵣ ∑_(𝐱ᵢ∈X) log(D(𝐱ᵢ)) + 1/Nₛ ∑_(𝐳ⱼ∈Z) log(1 − D(G(𝐳ⱼ)))")
    }

    @Test func klDivergenceReadsWellInTheTerminal() throws {
        let latex = #"D_{KL}\big(\mathcal{N}(\mu,\sigma^2)\,\|\,\mathcal{N}(0,1)\big) = \tfrac12\sum_j(\mu_j^2+\sigma_j^2-\log\sigma_j^2-1)"#
        #expect(try TeX.unicode(latex) == "D_(KL)(𝒩(μ, σ²) ‖ 𝒩(0, 1)) = ½ ∑ⱼ(μⱼ² + σⱼ² − log σⱼ² − 1)")
    }

    /// A stretchy operator is as wide as the font's widest variant of it, whatever size it
    /// draws, which set `\big(` apart from what it encloses; a scaled glyph is not.
    @Test func sizedDelimitersAreScaledGlyphsCentredOnTheAxis() throws {
        let markup = try TeX.mathML(#"f\big(x\big)"#, display: false)
        #expect(markup.contains(#"<mpadded height="0.85em" depth="0.35em" voffset="-0.05em"><mo stretchy="false" lspace="0" rspace="0" mathsize="1.2em">(</mo></mpadded>"#))
        #expect(markup.contains(#"<mo stretchy="false" lspace="0" rspace="0" mathsize="1.2em">)</mo>"#))
        #expect(!markup.contains(#"stretchy="true""#))
        // \Bigg: 2.47 em tall, its centre lowered from 0.6175 em to the axis at 0.25 em.
        #expect(try TeX.mathML(#"\Bigg("#, display: false).contains(#"<mpadded height="1.485em" depth="0.985em" voffset="-0.3675em">"#))
        // \bigm makes a relation, with a relation's space on both sides.
        #expect(try TeX.mathML(#"a \bigm| b"#, display: false).contains(#"<mo stretchy="false" lspace="0.2778em" rspace="0.2778em" mathsize="1.2em">|</mo>"#))
    }

    /// `\left…\right` takes the size TeX would choose for what it encloses, drawn as the plain
    /// or a scaled glyph; only content taller than `\Bigg` gets a stretchy operator, which
    /// Chromium makes as wide as the font's widest parenthesis.
    @Test func fencesTakeTheSizeTeXChooses() throws {
        #expect(try TeX.mathML(#"\left( x + 1 \right)"#, display: true)
            .contains(#"<mrow><mo fence="true" form="prefix" stretchy="false">(</mo><mi>x</mi>"#))
        #expect(try TeX.mathML(#"\left[\log p_\theta(x)\right]"#, display: true).contains(#"stretchy="false">[</mo>"#))
        #expect(try TeX.mathML(#"\left(\frac{1}{2\pi\sigma^2}\right)"#, display: false).contains(#"mathsize="1.2em">(</mo>"#))
        #expect(try TeX.mathML(#"\left(\frac{1}{2\pi\sigma^2}\right)"#, display: true).contains(#"mathsize="2.047em">(</mo>"#))
        let tall = try TeX.mathML(#"\left(\begin{matrix} a \\ b \\ c \end{matrix}\right)"#, display: true)
        #expect(tall.contains(#"<mo fence="true" form="prefix" stretchy="true">(</mo>"#))
        #expect(!tall.contains("mathsize"))
    }

    @Test func displayAndInlineMathDifferOnlyWhereTeXDoes() throws {
        let display = try TeX.mathML(#"\sum_{i=1}^{N} x_i"#, display: true)
        let inline = try TeX.mathML(#"\sum_{i=1}^{N} x_i"#, display: false)
        #expect(display.hasPrefix(#"<math xmlns="http://www.w3.org/1998/Math/MathML" display="block"><semantics>"#))
        #expect(display.contains("<munderover><mo>∑</mo>"))
        #expect(inline.hasPrefix(#"<math xmlns="http://www.w3.org/1998/Math/MathML"><semantics>"#))
        #expect(inline.contains("<msubsup><mo>∑</mo>"))
        // Integrals keep their limits at the side even in display style, as in TeX.
        #expect(try TeX.mathML(#"\int_0^1 f"#, display: true).contains("<msubsup><mo>∫</mo>"))
    }

    @Test func everyFixtureUsesOnlyMathMLCore() throws {
        for name in golden.cases(holding: "formula.tex") {
            let latex = try golden.read("\(name)/formula.tex").trimmingCharacters(in: .newlines)
            for display in [true, false] {
                let markup = try TeX.mathML(latex, display: display)
                #expect(MarkupCheck.unbalancedTag(in: markup) == nil, "\(name)")
                let unknown = Set(MarkupCheck.elementNames(in: markup)).subtracting(MarkupCheck.mathMLCore)
                #expect(unknown.isEmpty, "\(name) uses \(unknown)")
                let attributes = Set(MarkupCheck.attributeNames(in: markup)).subtracting(MarkupCheck.allowedAttributes)
                #expect(attributes.isEmpty, "\(name) uses \(attributes)")
            }
        }
    }

    @Test func textIsEscaped() throws {
        let markup = try TeX.mathML(#"a < b \text{<script> & "q"}"#, display: false)
        #expect(!markup.contains("<script>"))
        #expect(markup.contains("<mo>&lt;</mo>"))
        #expect(markup.contains("<mtext>&lt;script&gt;\u{A0}&amp;\u{A0}&quot;q&quot;</mtext>"))
        #expect(markup.contains(#"<annotation encoding="application/x-tex">a &lt; b \text{&lt;script&gt; &amp; &quot;q&quot;}</annotation>"#))
    }
}

@Test func escapingWorksOnScalarsNotCharacters() throws {
    let markup = try TeX.mathML("\\text{<\u{301}b>}", display: false)
    #expect(markup.contains("<mtext>&lt;\u{301}b&gt;</mtext>"))
}
