/// An IDX file of unsigned bytes: the format of MNIST and Fashion-MNIST.
///
/// The format is a 4-byte magic number `00 00 08 NN` (NN being the number of dimensions), NN
/// big-endian 32-bit dimension sizes, then the bytes in row-major order. Files may be gzipped;
/// the reader tells them apart by the gzip magic number, not by the file name.
public struct IDXFile: Sendable, Equatable {
    /// The size of each dimension, outermost first (for images: count, rows, columns).
    public let dimensions: [Int]
    /// The data bytes, row-major, exactly as many as the dimensions multiply to.
    public let payload: ArraySlice<UInt8>

    /// Creates a file from its dimensions and data.
    public init(dimensions: [Int], payload: [UInt8]) {
        precondition(!dimensions.isEmpty && dimensions.count < 256, "an IDX file has 1 to 255 dimensions")
        precondition(dimensions.allSatisfy { $0 >= 0 && $0 <= Int(UInt32.max) }, "IDX dimensions are 32-bit sizes")
        precondition(Self.byteCount(of: dimensions) == payload.count, "the payload size must match the dimensions")
        self.dimensions = dimensions
        self.payload = payload[...]
    }

    /// An images file from intensities in [0, 1] (clamped; NaN becomes 0), laid out
    /// [count, rows * columns] row-major, each rounded to the nearest byte: generated samples
    /// written in the format the datasets come in.
    public init(images pixels: [Float], rows: Int, columns: Int) {
        precondition(rows > 0 && columns > 0 && pixels.count % (rows * columns) == 0, "pixels hold whole rows x columns images")
        let bytes = pixels.map { $0.isNaN ? 0 : UInt8((Swift.min(Swift.max($0, 0), 1) * 255).rounded()) }
        self.init(dimensions: [pixels.count / (rows * columns), rows, columns], payload: bytes)
    }

    /// The magic number of an unsigned-byte IDX file with `dimensionCount` dimensions.
    public static func magicNumber(dimensionCount: Int) -> UInt32 { 0x0000_0800 | UInt32(dimensionCount) }

    /// Reads and checks the IDX file at `path`, gzipped or plain.
    ///
    /// - Parameters:
    ///   - dimensionCount: the number of dimensions the caller expects (3 for images, 1 for
    ///     labels); a file with another number fails with a wrong magic number.
    ///   - missingHint: the hint to give when the file does not exist.
    public static func read(contentsOf path: String, dimensionCount: Int, missingHint: String? = nil) throws(DatasetError) -> IDXFile {
        try decode(FileBytes.read(path, missingHint: missingHint), path: path, dimensionCount: dimensionCount)
    }

    /// Decodes the bytes of an IDX file (gzipped or plain); `path` only names it in errors.
    public static func decode(_ fileBytes: [UInt8], path: String, dimensionCount: Int) throws(DatasetError) -> IDXFile {
        let bytes = Gzip.isCompressed(fileBytes) ? try Gzip.decompress(fileBytes, path: path) : fileBytes
        let expectedMagic = magicNumber(dimensionCount: dimensionCount)
        guard bytes.count >= 4 else {
            throw .truncatedFile(path: path, expectedBytes: 4 + 4 * dimensionCount, actualBytes: bytes.count)
        }
        let magic = bigEndianWord(bytes, at: 0)
        guard magic == expectedMagic else { throw .wrongMagicNumber(path: path, found: magic, expected: expectedMagic) }

        let headerSize = 4 + 4 * dimensionCount
        guard bytes.count >= headerSize else {
            throw .truncatedFile(path: path, expectedBytes: headerSize, actualBytes: bytes.count)
        }
        let dimensions = (0..<dimensionCount).map { Int(bigEndianWord(bytes, at: 4 + 4 * $0)) }
        // A size past Int.max cannot be stored, so saturating keeps the size check honest.
        let dataSize = byteCount(of: dimensions) ?? Int.max - headerSize
        let available = bytes.count - headerSize
        if available < dataSize {
            throw .truncatedFile(path: path, expectedBytes: headerSize + dataSize, actualBytes: bytes.count)
        }
        if available > dataSize { throw .trailingData(path: path, extraBytes: available - dataSize) }
        return IDXFile(checkedDimensions: dimensions, payload: bytes[headerSize...])
    }

    /// The file's bytes: header then data, uncompressed.
    public func encoded() -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(4 + 4 * dimensions.count + payload.count)
        for word in [Self.magicNumber(dimensionCount: dimensions.count)] + dimensions.map(UInt32.init) {
            bytes += [UInt8(word >> 24), UInt8(word >> 16 & 0xFF), UInt8(word >> 8 & 0xFF), UInt8(word & 0xFF)]
        }
        bytes += payload
        return bytes
    }

    /// Writes the file to `path` atomically, gzipped when `compressed` is true.
    public func write(to path: String, compressed: Bool) throws(DatasetError) {
        try FileBytes.writeAtomically(compressed ? Gzip.compress(encoded()) : encoded(), to: path)
    }

    /// The number of data bytes `dimensions` call for, or nil when it exceeds `Int.max`. A zero
    /// dimension makes it 0 whatever the others are, so the product never overflows on the way.
    private static func byteCount(of dimensions: [Int]) -> Int? {
        if dimensions.contains(0) { return 0 }
        var product = 1
        for size in dimensions {
            let (result, overflow) = product.multipliedReportingOverflow(by: size)
            if overflow { return nil }
            product = result
        }
        return product
    }

    private init(checkedDimensions: [Int], payload: ArraySlice<UInt8>) {
        self.dimensions = checkedDimensions
        self.payload = payload
    }

    private static func bigEndianWord(_ bytes: [UInt8], at offset: Int) -> UInt32 {
        UInt32(bytes[offset]) << 24 | UInt32(bytes[offset + 1]) << 16 | UInt32(bytes[offset + 2]) << 8 | UInt32(bytes[offset + 3])
    }
}
