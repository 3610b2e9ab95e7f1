import TeX

extension MathFormula {
    /// A formula a test writes, which must parse.
    public static func test(_ latex: String) -> MathFormula {
        do {
            return try MathFormula(latex: latex)
        } catch {
            fatalError("a test's formula does not parse: \(latex): \(error)")
        }
    }
}
