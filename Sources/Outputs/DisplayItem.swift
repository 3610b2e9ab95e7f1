import Foundation

/// One output of a step: what a lesson cell shows under its code.
///
/// Items are plain values, so the runner can cache them and both renderers (HTML and terminal)
/// can draw them. ``canonicalBytes`` is a stable byte form (sorted-key JSON, float bits exact),
/// so two runs' outputs can be compared bit for bit, and ``contentHash`` summarises it.
public enum DisplayItem: Sendable, Equatable, Codable {
    /// Plain text.
    case text(String)
    /// A table with a header row.
    case table(Table)
    /// One or more named numbers.
    case metrics([Metric])
    /// Images in a grid, with a caption and a text alternative for screen readers.
    case imageGrid(ImageGrid, caption: String, altText: String)
    /// A chart, with a caption and a text alternative for screen readers.
    case chart(Chart, caption: String, altText: String)
    /// A 2-D code space to move through, with a caption and a text alternative: interactive on
    /// the site, described in words elsewhere.
    case latentExplorer(LatentExplorer, caption: String, altText: String)

    /// The file a figure is written to: `png` for image grids, `svg` for charts, nil otherwise.
    public var figureFileExtension: String? {
        switch self {
        case .imageGrid: "png"
        case .chart: "svg"
        case .text, .table, .metrics, .latentExplorer: nil
        }
    }

    /// The caption and text alternative of a figure or an explorer, which a cell's `caption=`
    /// and `alt=` may replace; nil for text, tables and metrics.
    public var captionAndAltText: (caption: String, altText: String)? {
        switch self {
        case .imageGrid(_, let caption, let altText), .chart(_, let caption, let altText), .latentExplorer(_, let caption, let altText):
            (caption, altText)
        case .text, .table, .metrics: nil
        }
    }

    /// The stable byte form: JSON with sorted keys, non-finite numbers as strings.
    public var canonicalBytes: [UInt8] {
        // Every field is a string, number, array or nested value, so encoding cannot fail.
        Array(try! Self.encoder.encode(self))
    }

    /// Decodes an item from its ``canonicalBytes``.
    public init(canonicalBytes: [UInt8]) throws {
        self = try Self.decoder.decode(DisplayItem.self, from: Data(canonicalBytes))
    }

    /// A 64-bit FNV-1a hash of ``canonicalBytes``, as 16 hex digits: equal for equal items on
    /// every run and machine.
    public var contentHash: String {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in canonicalBytes {
            hash ^= UInt64(byte)
            hash &*= 0x100_0000_01B3
        }
        let digits = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return encoder
    }()

    private static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return decoder
    }()
}
