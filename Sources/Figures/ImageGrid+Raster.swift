import Outputs

extension ImageGrid {
    /// The grid as a grayscale raster at its scale and padding.
    public func raster() -> Raster {
        raster(cellWidth: imageColumns * scale, cellHeight: imageRows * scale, padding: padding)
    }

    /// The grid as a PNG file.
    public func pngData() -> [UInt8] { raster().pngData() }

    /// The grid with each image resampled to `cellWidth` x `cellHeight` pixels (averaging when
    /// shrinking, nearest neighbour when enlarging) and `padding` pixels between images.
    public func raster(cellWidth: Int, cellHeight: Int, padding: Int) -> Raster {
        let columnsUsed = min(gridColumns, max(count, 1))
        let width = columnsUsed * cellWidth + (columnsUsed + 1) * padding
        let height = gridRows * cellHeight + (gridRows + 1) * padding
        var bytes = [UInt8](repeating: Self.byte(paddingIntensity), count: width * height)
        for index in 0..<count {
            let image = Raster(width: imageColumns, height: imageRows, colorModel: .grayscale,
                               bytes: pixels[index * imageRows * imageColumns ..< (index + 1) * imageRows * imageColumns].map(Self.byte))
            let cell = image.width == cellWidth && image.height == cellHeight ? image : image.resampled(width: cellWidth, height: cellHeight)
            let left = padding + (index % gridColumns) * (cellWidth + padding)
            let top = padding + (index / gridColumns) * (cellHeight + padding)
            for y in 0..<cellHeight {
                bytes.replaceSubrange((top + y) * width + left ..< (top + y) * width + left + cellWidth,
                                      with: cell.bytes[y * cellWidth ..< (y + 1) * cellWidth])
            }
        }
        return Raster(width: width, height: height, colorModel: .grayscale, bytes: bytes)
    }

    /// An intensity in [0, 1] as a byte, rounding to nearest; NaN is black.
    static func byte(_ intensity: Float) -> UInt8 {
        intensity.isNaN ? 0 : UInt8((min(max(intensity, 0), 1) * 255).rounded())
    }
}
