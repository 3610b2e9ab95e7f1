import Figures
import Outputs

/// How many colors the terminal can show, which decides the escape codes figures use.
public enum TerminalColors: String, Sendable, Equatable, CaseIterable {
    /// No escape codes at all (`NO_COLOR`, `TERM=dumb`, pipes).
    case none
    /// The xterm 256-color palette.
    case ansi256
    /// 24-bit color.
    case trueColor

    /// The escape sequence that sets the foreground color (empty without colors).
    public func foreground(_ color: RGBColor) -> String { sequence(color, layer: 38) }

    /// The escape sequence that sets the background color (empty without colors).
    public func background(_ color: RGBColor) -> String { sequence(color, layer: 48) }

    /// The escape sequence that restores the default colors and style (empty without colors).
    public var reset: String { self == .none ? "" : "\u{1B}[0m" }

    /// The escape sequence for bold text (empty without colors).
    public var bold: String { self == .none ? "" : "\u{1B}[1m" }

    private func sequence(_ color: RGBColor, layer: Int) -> String {
        switch self {
        case .none: ""
        case .ansi256: "\u{1B}[\(layer);5;\(Self.paletteIndex(color))m"
        case .trueColor: "\u{1B}[\(layer);2;\(color.red);\(color.green);\(color.blue)m"
        }
    }

    /// The nearest color of the xterm 256-color palette: the 6x6x6 cube (16–231) or the
    /// 24-step gray ramp (232–255), whichever is closer.
    public static func paletteIndex(_ color: RGBColor) -> Int {
        let levels = [0, 95, 135, 175, 215, 255]
        func nearestLevel(_ value: UInt8) -> Int {
            levels.indices.min { abs(levels[$0] - Int(value)) < abs(levels[$1] - Int(value)) }!
        }
        let (r, g, b) = (nearestLevel(color.red), nearestLevel(color.green), nearestLevel(color.blue))
        let cube = RGBColor(red: UInt8(levels[r]), green: UInt8(levels[g]), blue: UInt8(levels[b]))
        let average = (Int(color.red) + Int(color.green) + Int(color.blue)) / 3
        let grayStep = min(max((average - 8 + 5) / 10, 0), 23)
        let gray = RGBColor(gray: UInt8(8 + 10 * grayStep))
        func distance(_ other: RGBColor) -> Int {
            let dr = Int(color.red) - Int(other.red), dg = Int(color.green) - Int(other.green), db = Int(color.blue) - Int(other.blue)
            return dr * dr + dg * dg + db * db
        }
        return distance(gray) < distance(cube) ? 232 + grayStep : 16 + 36 * r + 6 * g + b
    }
}
