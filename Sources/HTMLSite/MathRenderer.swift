import LessonModel
import MarkupEscaping
import TeX

/// Turns a lesson's LaTeX into MathML.
///
/// The lesson parser already rejects math that `TeX` cannot convert, pointing at the very
/// character, so a formula fails here only in a lesson made some other way; the error then
/// points at the formula's block, since the lesson model keeps no finer position.
struct MathRenderer {
    /// A `<math>` element, or, when the LaTeX cannot be converted, a diagnostic appended to
    /// `diagnostics` and the LaTeX shown as escaped code.
    func render(_ latex: String, display: Bool, in range: SourceRange, diagnostics: inout [Diagnostic]) -> String {
        do {
            return try TeX.mathML(latex, display: display)
        } catch {
            diagnostics.append(.error(at: range.start, "cannot convert math: \(error.message)", hint: error.hint))
            return "<code class=\"math-error\">\(MarkupEscaping.text(latex))</code>"
        }
    }
}
