#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// What the output terminal can show, decided once from the environment.
public struct TerminalCapabilities: Equatable, Sendable {
    /// How many colors the terminal shows.
    public enum ColorDepth: Int, Comparable, Sendable, CaseIterable {
        case none, basic, indexed256, trueColor

        public static func < (a: ColorDepth, b: ColorDepth) -> Bool { a.rawValue < b.rawValue }
    }

    /// Colors allowed; `.none` under `NO_COLOR`.
    public var colors: ColorDepth
    /// Bold, italic, underline and dim allowed; false for `TERM=dumb` and non-terminals.
    public var styles: Bool
    /// OSC 8 hyperlinks understood; otherwise links are written as `text (url)`.
    public var hyperlinks: Bool

    public init(colors: ColorDepth, styles: Bool, hyperlinks: Bool) {
        self.colors = colors
        self.styles = styles
        self.hyperlinks = hyperlinks
    }

    /// No escape codes at all: pipes, logs, `TERM=dumb`, `--plain`.
    public static let plain = TerminalCapabilities(colors: .none, styles: false, hyperlinks: false)

    /// Whether any escape code may be written.
    public var usesEscapes: Bool { styles || colors != .none || hyperlinks }

    /// Decides from the environment and whether the output is a terminal.
    ///
    /// Not a terminal or `TERM=dumb` gives ``plain``. `NO_COLOR` (any non-empty value,
    /// per no-color.org) removes color but keeps bold and the like. `COLORTERM=truecolor`
    /// or `24bit` gives 24-bit color, a `TERM` ending in `256color` gives 256 colors.
    public static func detect(environment: [String: String], isTerminal: Bool) -> TerminalCapabilities {
        let term = environment["TERM"] ?? ""
        guard isTerminal, term != "dumb" else { return .plain }
        var colors = ColorDepth.basic
        let colorTerm = (environment["COLORTERM"] ?? "").lowercased()
        if colorTerm == "truecolor" || colorTerm == "24bit" || term.contains("direct") {
            colors = .trueColor
        } else if term.hasSuffix("256color") {
            colors = .indexed256
        }
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty { colors = .none }
        return TerminalCapabilities(colors: colors, styles: true, hyperlinks: supportsHyperlinks(environment))
    }

    /// What this process's standard output can show (and standard input too, when `input`):
    /// ``detect(environment:isTerminal:)`` with the process's environment and descriptors. The
    /// one probe of the terminal that the stepper, `course run`'s progress bar and `course
    /// doctor` decide by.
    public static func ofStandardOutput(environment: [String: String] = ProcessInfo.processInfo.environment,
                                        input: Bool = false) -> TerminalCapabilities {
        let isTerminal = isatty(STDOUT_FILENO) == 1 && (!input || isatty(STDIN_FILENO) == 1)
        return detect(environment: environment, isTerminal: isTerminal)
    }

    /// Terminals known to understand OSC 8; others may print the escape's payload.
    private static func supportsHyperlinks(_ environment: [String: String]) -> Bool {
        let program = environment["TERM_PROGRAM"] ?? ""
        let term = environment["TERM"] ?? ""
        if ["iTerm.app", "WezTerm", "vscode", "ghostty", "Hyper"].contains(program) { return true }
        if term.contains("kitty") || term.contains("ghostty") || term.contains("foot") { return true }
        if environment["WT_SESSION"] != nil || environment["KONSOLE_VERSION"] != nil { return true }
        if let vte = environment["VTE_VERSION"].flatMap(Int.init), vte >= 5000 { return true }
        return false
    }
}
