#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The size of one character cell in pixels, which decides how many rows an image covers.
struct CellPixels: Equatable {
    var width: Int
    var height: Int

    /// A common cell size, used when the terminal does not report pixels.
    static let typical = CellPixels(width: 10, height: 20)

    /// The cell size the terminal on `descriptor` reports, or ``typical``.
    static func measure(descriptor: Int32) -> CellPixels {
        var window = winsize()
        guard ioctl(descriptor, UInt(TIOCGWINSZ), &window) == 0, window.ws_col > 0, window.ws_row > 0,
              window.ws_xpixel > 0, window.ws_ypixel > 0 else { return .typical }
        return CellPixels(width: max(1, Int(window.ws_xpixel) / Int(window.ws_col)),
                          height: max(1, Int(window.ws_ypixel) / Int(window.ws_row)))
    }

    /// The rows an image of `pixelWidth` x `pixelHeight` covers when drawn `columns` cells wide.
    func rows(pixelWidth: Int, pixelHeight: Int, columns: Int) -> Int {
        let drawnHeight = Double(columns * width) * Double(pixelHeight) / Double(max(pixelWidth, 1))
        return max(1, Int((drawnHeight / Double(height)).rounded(.up)))
    }
}
