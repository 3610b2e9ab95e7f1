/// A text or background color, in whichever depth the author has it.
public enum TerminalColor: Equatable, Sendable {
    /// One of the 16 basic colors: 0–7 normal, 8–15 bright.
    case basic(Int)
    /// One of the 256 indexed colors.
    case indexed(UInt8)
    /// A 24-bit color.
    case rgb(UInt8, UInt8, UInt8)

    public static let black = TerminalColor.basic(0), red = TerminalColor.basic(1), green = TerminalColor.basic(2)
    public static let yellow = TerminalColor.basic(3), blue = TerminalColor.basic(4), magenta = TerminalColor.basic(5)
    public static let cyan = TerminalColor.basic(6), white = TerminalColor.basic(7), gray = TerminalColor.basic(8)

    /// The SGR parameters that select this color at `depth`, converting down when the
    /// terminal has fewer colors; empty when it has none.
    func sgrParameters(foreground: Bool, depth: TerminalCapabilities.ColorDepth) -> String? {
        switch (self, depth) {
        case (_, .none): return nil
        case (.rgb(let r, let g, let b), .trueColor):
            return "\(foreground ? 38 : 48);2;\(r);\(g);\(b)"
        case (.rgb(let r, let g, let b), .indexed256):
            return "\(foreground ? 38 : 48);5;\(Self.cubeIndex(r, g, b))"
        case (.indexed(let index), .trueColor), (.indexed(let index), .indexed256):
            return "\(foreground ? 38 : 48);5;\(index)"
        case (.rgb(let r, let g, let b), .basic):
            return Self.basicCode(Self.nearestBasic(r, g, b), foreground: foreground)
        case (.indexed(let index), .basic):
            return Self.basicCode(index < 16 ? Int(index) : 7, foreground: foreground)
        case (.basic(let index), _):
            return Self.basicCode(index, foreground: foreground)
        }
    }

    private static func basicCode(_ index: Int, foreground: Bool) -> String {
        let clamped = min(max(index, 0), 15)
        let base = (foreground ? 30 : 40) + (clamped >= 8 ? 60 : 0)
        return String(base + clamped % 8)
    }

    /// The index in the 6×6×6 color cube of the 256-color palette, whose levels are
    /// xterm's 0, 95, 135, 175, 215 and 255.
    private static func cubeIndex(_ r: UInt8, _ g: UInt8, _ b: UInt8) -> Int {
        let levels = [0, 95, 135, 175, 215, 255]
        func level(_ component: UInt8) -> Int {
            levels.indices.min { abs(levels[$0] - Int(component)) < abs(levels[$1] - Int(component)) }!
        }
        return 16 + 36 * level(r) + 6 * level(g) + level(b)
    }

    private static func nearestBasic(_ r: UInt8, _ g: UInt8, _ b: UInt8) -> Int {
        let bright = max(r, g, b) > 191
        let threshold = bright ? 160 : 96
        let bits = (r >= threshold ? 1 : 0) | (g >= threshold ? 2 : 0) | (b >= threshold ? 4 : 0)
        return bits + (bright ? 8 : 0)
    }
}
