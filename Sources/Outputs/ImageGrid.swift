import Foundation

/// Grayscale images of one size laid out in a grid: samples, reconstructions, interpolations.
///
/// Intensities are floats in [0, 1] (values outside are clamped, NaN shows as black). The grid
/// is a value: `Figures` turns it into a raster and a PNG file, the terminal stepper into its
/// terminal forms. It encodes compactly for the cache (the pixels as the base64 of their
/// little-endian float bits, so a decoded grid is bit-identical).
public struct ImageGrid: Sendable, Equatable, Codable {
    /// The number of images.
    public let count: Int
    /// The height of each image in pixels.
    public let imageRows: Int
    /// The width of each image in pixels.
    public let imageColumns: Int
    /// Intensities in [0, 1], laid out [count, imageRows * imageColumns] row-major.
    public let pixels: [Float]
    /// The number of images per grid row.
    public var gridColumns: Int
    /// One label per image (shown under the images in the terminal, and in HTML captions), or nil.
    public var labels: [String]?
    /// The gap between images and around the grid, in output pixels.
    public var padding: Int
    /// Each image pixel becomes a `scale` x `scale` block (nearest neighbour), so 28x28 images
    /// are large enough to see.
    public var scale: Int
    /// The intensity of the gaps between images, in [0, 1].
    public var paddingIntensity: Float

    /// Creates a grid from `count` images stored one after another in `pixels`.
    public init(pixels: [Float], imageRows: Int, imageColumns: Int, gridColumns: Int = 8, labels: [String]? = nil,
                padding: Int = 2, scale: Int = 3, paddingIntensity: Float = 0.5) {
        precondition(imageRows > 0 && imageColumns > 0, "images have at least one pixel")
        precondition(pixels.count % (imageRows * imageColumns) == 0, "pixels hold whole images")
        precondition(gridColumns > 0 && padding >= 0 && scale > 0, "a grid has columns, a scale and no negative padding")
        let count = pixels.count / (imageRows * imageColumns)
        precondition(labels == nil || labels!.count == count, "one label per image")
        self.count = count
        self.imageRows = imageRows
        self.imageColumns = imageColumns
        self.pixels = pixels
        self.gridColumns = gridColumns
        self.labels = labels
        self.padding = padding
        self.scale = scale
        self.paddingIntensity = paddingIntensity
    }

    /// Creates a grid from separate images of `imageRows * imageColumns` pixels each.
    public init(images: [[Float]], imageRows: Int, imageColumns: Int, gridColumns: Int = 8, labels: [String]? = nil,
                padding: Int = 2, scale: Int = 3, paddingIntensity: Float = 0.5) {
        precondition(images.allSatisfy { $0.count == imageRows * imageColumns }, "every image has imageRows * imageColumns pixels")
        self.init(pixels: images.flatMap { $0 }, imageRows: imageRows, imageColumns: imageColumns, gridColumns: gridColumns,
                  labels: labels, padding: padding, scale: scale, paddingIntensity: paddingIntensity)
    }

    /// The number of grid rows.
    public var gridRows: Int { max(1, (count + gridColumns - 1) / gridColumns) }

    // MARK: Codable, with the pixels as base64 float bits

    private enum CodingKeys: String, CodingKey {
        case imageRows, imageColumns, pixels, gridColumns, labels, padding, scale, paddingIntensity
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let encoded = try container.decode(String.self, forKey: .pixels)
        guard let pixels = FloatBits.floats(base64: encoded) else {
            throw DecodingError.dataCorruptedError(forKey: .pixels, in: container, debugDescription: "pixels are not base64 float bits")
        }
        let rows = try container.decode(Int.self, forKey: .imageRows)
        let columns = try container.decode(Int.self, forKey: .imageColumns)
        let gridColumns = try container.decode(Int.self, forKey: .gridColumns)
        let labels = try container.decodeIfPresent([String].self, forKey: .labels)
        let padding = try container.decode(Int.self, forKey: .padding)
        let scale = try container.decode(Int.self, forKey: .scale)
        guard rows > 0, columns > 0, pixels.count % (rows * columns) == 0, gridColumns > 0, padding >= 0, scale > 0,
              labels == nil || labels!.count == pixels.count / (rows * columns) else {
            throw DecodingError.dataCorruptedError(forKey: .pixels, in: container, debugDescription: "inconsistent image grid")
        }
        self.init(pixels: pixels, imageRows: rows, imageColumns: columns, gridColumns: gridColumns, labels: labels,
                  padding: padding, scale: scale, paddingIntensity: try container.decode(Float.self, forKey: .paddingIntensity))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(imageRows, forKey: .imageRows)
        try container.encode(imageColumns, forKey: .imageColumns)
        try container.encode(FloatBits.base64(pixels), forKey: .pixels)
        try container.encode(gridColumns, forKey: .gridColumns)
        try container.encodeIfPresent(labels, forKey: .labels)
        try container.encode(padding, forKey: .padding)
        try container.encode(scale, forKey: .scale)
        try container.encode(paddingIntensity, forKey: .paddingIntensity)
    }
}
