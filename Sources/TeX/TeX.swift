// TeX: the subset of LaTeX math the lessons use, parsed into math nodes and rendered as MathML for
// the site and as Unicode text for the terminal; anything outside the subset is a located error.

import MarkupEscaping

/// Converts LaTeX math, as the course's lessons write it, to MathML for web pages and to
/// Unicode text for the terminal.
///
/// Only a fixed set of commands is supported (``supportedCommands``); anything else is a
/// ``TeXError`` with a location and a hint, never silently dropped.
public enum TeX {
    /// How deeply groups, arguments and environments may nest before the parser gives up.
    public static let maximumNesting = 64

    /// Parses a LaTeX math string (without its `$` delimiters).
    public static func parse(_ latex: String) throws(TeXError) -> MathNode {
        var parser = TeXParser(latex)
        return try parser.parse()
    }

    /// A complete `<math>` element for `latex`, with the source kept as an
    /// `application/x-tex` annotation so readers can copy it.
    ///
    /// - Parameter display: `true` for a displayed formula (`$$…$$`): the element gets
    ///   `display="block"`, and sums take their limits above and below.
    public static func mathML(_ latex: String, display: Bool) throws(TeXError) -> String {
        mathML(for: try parse(latex), latex: latex, display: display)
    }

    /// A complete `<math>` element for an already parsed formula.
    public static func mathML(for node: MathNode, latex: String, display: Bool) -> String {
        var renderer = MathMLRenderer()
        renderer.renderElement(node, style: .init(display: display, variant: nil))
        let displayAttribute = display ? " display=\"block\"" : ""
        return "<math xmlns=\"http://www.w3.org/1998/Math/MathML\"\(displayAttribute)><semantics>"
            + renderer.output
            + "<annotation encoding=\"application/x-tex\">\(MarkupEscaping.text(latex))</annotation></semantics></math>"
    }

    /// One line of readable Unicode text for `latex`, such as `½∑ⱼ(μⱼ² + σⱼ²)`.
    public static func unicode(_ latex: String) throws(TeXError) -> String {
        unicode(for: try parse(latex))
    }

    /// One line of readable Unicode text for an already parsed formula.
    public static func unicode(for node: MathNode) -> String {
        UnicodeMathRenderer().render(node)
    }

    /// Every supported command with its backslash, sorted.
    public static var supportedCommands: [String] {
        TeXCommandTable.names.map { "\\" + $0 }.sorted()
    }

    /// Every supported environment name, for `\begin{…}`.
    public static var supportedEnvironments: [String] { TeXCommandTable.environmentNames }
}
