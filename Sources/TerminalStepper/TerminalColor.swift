import Outputs

/// A text, background or figure color, in whichever depth the author has it: the one color
/// type of the terminal, and the one mapping down to what a terminal can show.
public enum TerminalColor: Equatable, Sendable {
    /// One of the 16 basic colors: 0–7 normal, 8–15 bright.
    case basic(Int)
    /// One of the 256 indexed colors.
    case indexed(UInt8)
    /// A 24-bit color.
    case rgb(RGBColor)

    /// A 24-bit color from its three channels.
    public static func rgb(_ red: UInt8, _ green: UInt8, _ blue: UInt8) -> TerminalColor {
        .rgb(RGBColor(red: red, green: green, blue: blue))
    }

    public static let black = TerminalColor.basic(0), red = TerminalColor.basic(1), green = TerminalColor.basic(2)
    public static let yellow = TerminalColor.basic(3), blue = TerminalColor.basic(4), magenta = TerminalColor.basic(5)
    public static let cyan = TerminalColor.basic(6), white = TerminalColor.basic(7), gray = TerminalColor.basic(8)

    /// The SGR parameters that select this color at `depth`, converting down when the
    /// terminal has fewer colors; empty when it has none.
    func sgrParameters(foreground: Bool, depth: TerminalCapabilities.ColorDepth) -> String? {
        switch (self, depth) {
        case (_, .none): return nil
        case (.rgb(let color), .trueColor):
            return "\(foreground ? 38 : 48);2;\(color.red);\(color.green);\(color.blue)"
        case (.rgb(let color), .indexed256):
            return "\(foreground ? 38 : 48);5;\(Self.paletteIndex(color))"
        case (.indexed(let index), .trueColor), (.indexed(let index), .indexed256):
            return "\(foreground ? 38 : 48);5;\(index)"
        case (.rgb(let color), .basic):
            return Self.basicCode(Self.nearestBasic(color), foreground: foreground)
        case (.indexed(let index), .basic):
            return Self.basicCode(index < 16 ? Int(index) : 7, foreground: foreground)
        case (.basic(let index), _):
            return Self.basicCode(index, foreground: foreground)
        }
    }

    /// The escape sequence that selects this color at `depth` (empty when it has no colors).
    func escape(foreground: Bool, depth: TerminalCapabilities.ColorDepth) -> String {
        sgrParameters(foreground: foreground, depth: depth).map { "\u{1B}[\($0)m" } ?? ""
    }

    private static func basicCode(_ index: Int, foreground: Bool) -> String {
        let clamped = min(max(index, 0), 15)
        let base = (foreground ? 30 : 40) + (clamped >= 8 ? 60 : 0)
        return String(base + clamped % 8)
    }

    /// The nearest color of the xterm 256-color palette: the 6×6×6 cube (16–231, whose levels
    /// are 0, 95, 135, 175, 215 and 255) or the 24-step gray ramp (232–255), whichever is closer.
    static func paletteIndex(_ color: RGBColor) -> Int {
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

    private static func nearestBasic(_ color: RGBColor) -> Int {
        let bright = max(color.red, color.green, color.blue) > 191
        let threshold = bright ? 160 : 96
        let bits = (color.red >= threshold ? 1 : 0) | (color.green >= threshold ? 2 : 0) | (color.blue >= threshold ? 4 : 0)
        return bits + (bright ? 8 : 0)
    }
}
