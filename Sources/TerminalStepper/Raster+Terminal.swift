import Figures
import Foundation
import Outputs

extension Raster {
    /// The image as text: each character cell shows two pixels stacked (the upper half block
    /// ▀ in the top pixel's color over the bottom pixel's color), so pixels stay square.
    ///
    /// Without colors, each cell becomes a shade character (` ░▒▓█`) of the two pixels' mean
    /// brightness. Lines end with a reset and a newline.
    public func halfBlocks(colors: TerminalCapabilities.ColorDepth) -> String {
        var text = ""
        for row in stride(from: 0, to: height, by: 2) {
            var lastForeground = "", lastBackground = ""
            for x in 0..<width {
                let top = color(x: x, y: row)
                let bottom = row + 1 < height ? color(x: x, y: row + 1) : nil
                if colors == .none {
                    let brightness = (Int(top.luma) + Int((bottom ?? top).luma)) / 2
                    text.append(Self.shades[min(brightness * Self.shades.count / 256, Self.shades.count - 1)])
                    continue
                }
                let foreground = colors.foreground(top)
                if foreground != lastForeground { text += foreground }
                lastForeground = foreground
                if let bottom {
                    let background = colors.background(bottom)
                    if background != lastBackground { text += background }
                    lastBackground = background
                } else if !lastBackground.isEmpty {
                    // An odd last row: the lower half keeps the terminal's own background.
                    text += "\u{1B}[49m"
                    lastBackground = ""
                }
                text += "▀"
            }
            text += colors.reset + "\n"
        }
        return text
    }

    /// Characters from dark to bright, for terminals without colors.
    static let shades: [Character] = [" ", "░", "▒", "▓", "█"]

    /// The kitty graphics protocol sequence that shows this image (sent as PNG, base64, in
    /// chunks of at most 4096 bytes); `columns` scales it to that many cells wide.
    public func kittyGraphics(columns: Int? = nil) -> String {
        let payload = Data(pngData()).base64EncodedString()
        var chunks: [Substring] = []
        var start = payload.startIndex
        while start < payload.endIndex {
            let end = payload.index(start, offsetBy: 4096, limitedBy: payload.endIndex) ?? payload.endIndex
            chunks.append(payload[start..<end])
            start = end
        }
        var text = ""
        for (index, chunk) in chunks.enumerated() {
            let more = index < chunks.count - 1 ? 1 : 0
            // The first chunk carries the keys: transmit and display (a=T) a PNG (f=100) quietly (q=2).
            let keys = index == 0 ? "a=T,f=100,q=2" + (columns.map { ",c=\($0)" } ?? "") + ",m=\(more)" : "m=\(more)"
            text += "\u{1B}_G\(keys);\(chunk)\u{1B}\\"
        }
        return text + "\n"
    }

    /// The iTerm2 inline-image sequence (OSC 1337) that shows this image as a PNG; `columns`
    /// scales it to that many cells wide.
    public func iTerm2InlineImage(columns: Int? = nil) -> String {
        let png = pngData()
        let width = columns.map { ";width=\($0)" } ?? ""
        return "\u{1B}]1337;File=inline=1;size=\(png.count)\(width);preserveAspectRatio=1:\(Data(png).base64EncodedString())\u{07}\n"
    }

    /// The image as a sixel sequence (DEC terminals, xterm -ti vt340, foot, mlterm…).
    ///
    /// Colors are quantized: 64 gray levels for grayscale images, a 6x6x6 cube for RGB ones;
    /// each color is defined once, and each six-row band lists the colors it uses, with
    /// run-length encoding.
    public func sixel() -> String {
        let registers = (0..<width * height).map { index -> Int in
            let pixel = color(x: index % width, y: index / width)
            switch colorModel {
            case .grayscale: return (Int(pixel.red) * 63 + 127) / 255
            case .rgb: return (Int(pixel.red) * 5 + 127) / 255 * 36 + (Int(pixel.green) * 5 + 127) / 255 * 6 + (Int(pixel.blue) * 5 + 127) / 255
            }
        }
        func percent(_ level: Int, of steps: Int) -> Int { (level * 100 + steps / 2) / steps }
        var text = "\u{1B}Pq\"1;1;\(width);\(height)"
        for register in Set(registers).sorted() {
            let (r, g, b) = colorModel == .grayscale
                ? (percent(register, of: 63), percent(register, of: 63), percent(register, of: 63))
                : (percent(register / 36, of: 5), percent(register / 6 % 6, of: 5), percent(register % 6, of: 5))
            text += "#\(register);2;\(r);\(g);\(b)"
        }
        for bandTop in stride(from: 0, to: height, by: 6) {
            let bandRows = min(6, height - bandTop)
            var used: [Int] = []
            var seen = Set<Int>()
            for y in bandTop..<bandTop + bandRows {
                for x in 0..<width where seen.insert(registers[y * width + x]).inserted { used.append(registers[y * width + x]) }
            }
            for (position, register) in used.enumerated() {
                text += "#\(register)"
                var run = 0
                var runCharacter: Character = "?"
                func flush() {
                    guard run > 0 else { return }
                    text += run > 3 ? "!\(run)\(runCharacter)" : String(repeating: runCharacter, count: run)
                }
                for x in 0..<width {
                    var bits = 0
                    for row in 0..<bandRows where registers[(bandTop + row) * width + x] == register { bits |= 1 << row }
                    let character = Character(UnicodeScalar(UInt8(63 + bits)))
                    if character == runCharacter { run += 1 } else { flush(); runCharacter = character; run = 1 }
                }
                flush()
                text += position < used.count - 1 ? "$" : "-"
            }
        }
        return text + "\u{1B}\\\n"
    }
}
