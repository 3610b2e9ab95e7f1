import Outputs

extension TerminalCapabilities.ColorDepth {
    /// The escape sequence that sets the foreground color (empty without colors).
    func foreground(_ color: RGBColor) -> String { TerminalColor.rgb(color).escape(foreground: true, depth: self) }

    /// The escape sequence that sets the background color (empty without colors).
    func background(_ color: RGBColor) -> String { TerminalColor.rgb(color).escape(foreground: false, depth: self) }

    /// The escape sequence that restores the default colors and style (empty without colors).
    var reset: String { self == .none ? "" : "\u{1B}[0m" }

    /// The escape sequence for bold text (empty without colors).
    var bold: String { self == .none ? "" : "\u{1B}[1m" }
}
