import Figures
import Outputs

/// A grid of braille characters used as a bitmap: each cell holds 2 x 4 dots, so a terminal
/// area of `columns` x `rows` cells is a `2 * columns` x `4 * rows` dot canvas.
struct BrailleCanvas {
    let columns: Int
    let rows: Int
    private var cells: [UInt8]
    /// The color index of the last mark in each cell (a cell shows one color).
    private var cellColors: [Int?]

    init(columns: Int, rows: Int) {
        self.columns = columns
        self.rows = rows
        cells = [UInt8](repeating: 0, count: columns * rows)
        cellColors = [Int?](repeating: nil, count: columns * rows)
    }

    var dotWidth: Int { 2 * columns }
    var dotHeight: Int { 4 * rows }

    /// Sets the dot at `x` (from the left) and `y` (from the top); dots off the canvas are ignored.
    mutating func set(x: Int, y: Int, color: Int) {
        guard x >= 0, y >= 0, x < dotWidth, y < dotHeight else { return }
        // Braille numbers its dots down the left column (1, 2, 3, 7), then the right (4, 5, 6, 8).
        let bits: [[UInt8]] = [[0x01, 0x02, 0x04, 0x40], [0x08, 0x10, 0x20, 0x80]]
        let cell = (y / 4) * columns + x / 2
        cells[cell] |= bits[x % 2][y % 4]
        cellColors[cell] = color
    }

    /// Draws a straight line between two dots (Bresenham).
    mutating func line(from start: (x: Int, y: Int), to end: (x: Int, y: Int), color: Int) {
        var (x, y) = start
        let dx = abs(end.x - x), dy = -abs(end.y - y)
        let stepX = x < end.x ? 1 : -1, stepY = y < end.y ? 1 : -1
        var error = dx + dy
        while true {
            set(x: x, y: y, color: color)
            if x == end.x && y == end.y { return }
            let doubled = 2 * error
            if doubled >= dy { error += dy; x += stepX }
            if doubled <= dx { error += dx; y += stepY }
        }
    }

    /// The canvas as `rows` strings, colored with `palette` (indexed by the marks' colors).
    func lines(colors: TerminalCapabilities.ColorDepth, palette: (Int) -> RGBColor) -> [String] {
        (0..<rows).map { row in
            var text = ""
            var current: Int?
            for column in 0..<columns {
                let cell = row * columns + column
                if cells[cell] != 0, let color = cellColors[cell], color != current, colors != .none {
                    text += colors.foreground(palette(color))
                    current = color
                }
                text.unicodeScalars.append(UnicodeScalar(0x2800 + UInt32(cells[cell]))!)
            }
            return current == nil ? text : text + colors.reset
        }
    }
}
