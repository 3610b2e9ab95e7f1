import Outputs

/// An 8-bit image in memory: grayscale or RGB, rows top to bottom, row-major.
///
/// It is what every figure becomes before it is encoded: image grids and heat maps are rasters,
/// which then go to PNG files or to the terminal's image forms.
public struct Raster: Sendable, Equatable {
    /// How each pixel is stored.
    public enum ColorModel: Sendable, Equatable {
        /// One byte per pixel: black 0 to white 255.
        case grayscale
        /// Three bytes per pixel: red, green, blue.
        case rgb

        /// The number of bytes per pixel.
        public var channels: Int { self == .grayscale ? 1 : 3 }
    }

    /// The width in pixels.
    public let width: Int
    /// The height in pixels.
    public let height: Int
    /// How the bytes are grouped into pixels.
    public let colorModel: ColorModel
    /// The pixel bytes, `width * height * colorModel.channels` of them.
    public var bytes: [UInt8]

    /// Creates a raster from its bytes.
    public init(width: Int, height: Int, colorModel: ColorModel, bytes: [UInt8]) {
        precondition(width > 0 && height > 0, "a raster has at least one pixel")
        precondition(bytes.count == width * height * colorModel.channels, "the byte count must match the size")
        self.width = width
        self.height = height
        self.colorModel = colorModel
        self.bytes = bytes
    }

    /// Creates a raster filled with one color.
    public init(width: Int, height: Int, filledWith color: RGBColor) {
        precondition(width > 0 && height > 0, "a raster has at least one pixel")
        self.width = width
        self.height = height
        self.colorModel = .rgb
        self.bytes = [UInt8](unsafeUninitializedCapacity: width * height * 3) { buffer, count in
            for i in 0..<width * height {
                buffer[3 * i] = color.red
                buffer[3 * i + 1] = color.green
                buffer[3 * i + 2] = color.blue
            }
            count = width * height * 3
        }
    }

    /// The color of the pixel at column `x`, row `y`.
    public func color(x: Int, y: Int) -> RGBColor {
        let index = (y * width + x) * colorModel.channels
        switch colorModel {
        case .grayscale: return RGBColor(gray: bytes[index])
        case .rgb: return RGBColor(red: bytes[index], green: bytes[index + 1], blue: bytes[index + 2])
        }
    }

    /// Sets the pixel at column `x`, row `y` (an RGB raster keeps the color, a grayscale one its luma).
    public mutating func setColor(_ color: RGBColor, x: Int, y: Int) {
        let index = (y * width + x) * colorModel.channels
        switch colorModel {
        case .grayscale:
            bytes[index] = color.luma
        case .rgb:
            bytes[index] = color.red
            bytes[index + 1] = color.green
            bytes[index + 2] = color.blue
        }
    }

    /// The image resampled to `width` x `height` by averaging the source pixels each output
    /// pixel covers (nearest neighbour when enlarging), for terminals with few pixels.
    public func resampled(width newWidth: Int, height newHeight: Int) -> Raster {
        precondition(newWidth > 0 && newHeight > 0, "a raster has at least one pixel")
        let channels = colorModel.channels
        var output = [UInt8](repeating: 0, count: newWidth * newHeight * channels)
        for y in 0..<newHeight {
            let top = y * height / newHeight, bottom = max(top + 1, (y + 1) * height / newHeight)
            for x in 0..<newWidth {
                let left = x * width / newWidth, right = max(left + 1, (x + 1) * width / newWidth)
                for channel in 0..<channels {
                    var sum = 0
                    for sourceY in top..<bottom {
                        for sourceX in left..<right { sum += Int(bytes[(sourceY * width + sourceX) * channels + channel]) }
                    }
                    let area = (bottom - top) * (right - left)
                    output[(y * newWidth + x) * channels + channel] = UInt8((sum + area / 2) / area)
                }
            }
        }
        return Raster(width: newWidth, height: newHeight, colorModel: colorModel, bytes: output)
    }

    /// The image encoded as a PNG file.
    public func pngData() -> [UInt8] { PNGEncoder.encode(self) }
}
