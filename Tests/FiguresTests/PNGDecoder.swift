import CZlib
import Outputs
@testable import Figures

/// A minimal PNG reader for the tests: checks the chunk layout and CRCs, inflates the IDAT
/// data and undoes filter type 0, so an encoded raster can be compared with the original.
enum PNGDecoder {
    struct Failure: Error, CustomStringConvertible { let description: String }

    static func decode(_ file: [UInt8]) throws -> Raster {
        guard Array(file.prefix(8)) == PNGEncoder.signature else { throw Failure(description: "no PNG signature") }
        var offset = 8
        var chunks: [(type: String, data: [UInt8])] = []
        while offset < file.count {
            guard offset + 12 <= file.count else { throw Failure(description: "chunk header past the end") }
            let length = Int(word(file, offset))
            let typeAndData = Array(file[offset + 4 ..< offset + 8 + length])
            let storedCRC = word(file, offset + 8 + length)
            let computed = typeAndData.withUnsafeBufferPointer { UInt32(crc32(0, $0.baseAddress, uInt($0.count))) }
            guard storedCRC == computed else { throw Failure(description: "bad CRC") }
            chunks.append((String(decoding: typeAndData.prefix(4), as: UTF8.self), Array(typeAndData.dropFirst(4))))
            offset += 12 + length
        }
        guard chunks.first?.type == "IHDR", chunks.last?.type == "IEND" else { throw Failure(description: "chunk order") }
        let header = chunks[0].data
        let width = Int(word(header, 0)), height = Int(word(header, 4))
        let colorModel: Raster.ColorModel = header[9] == 0 ? .grayscale : .rgb
        let compressed = chunks.filter { $0.type == "IDAT" }.flatMap(\.data)
        let rowBytes = width * colorModel.channels
        var inflated = [UInt8](repeating: 0, count: height * (rowBytes + 1))
        var size = uLongf(inflated.count)
        let status = inflated.withUnsafeMutableBufferPointer { out in
            compressed.withUnsafeBufferPointer { uncompress(out.baseAddress, &size, $0.baseAddress, uLong($0.count)) }
        }
        guard status == Z_OK, Int(size) == inflated.count else { throw Failure(description: "IDAT does not inflate to the image size") }
        var bytes: [UInt8] = []
        for row in 0..<height {
            guard inflated[row * (rowBytes + 1)] == 0 else { throw Failure(description: "unexpected filter type") }
            bytes += inflated[row * (rowBytes + 1) + 1 ..< (row + 1) * (rowBytes + 1)]
        }
        return Raster(width: width, height: height, colorModel: colorModel, bytes: bytes)
    }

    private static func word(_ bytes: [UInt8], _ offset: Int) -> UInt32 {
        UInt32(bytes[offset]) << 24 | UInt32(bytes[offset + 1]) << 16 | UInt32(bytes[offset + 2]) << 8 | UInt32(bytes[offset + 3])
    }
}
