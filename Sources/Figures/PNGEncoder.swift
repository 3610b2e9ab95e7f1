import CZlib
import Outputs

/// Encodes rasters as PNG files: 8-bit grayscale or RGB, one zlib-compressed IDAT chunk.
///
/// Every row uses filter type 0 (none): figures are mostly flat areas and repeated rows, which
/// deflate already compresses well, and the output stays simple to check. The same raster and
/// zlib version always give the same bytes (there is no timestamp chunk).
public enum PNGEncoder {
    /// The eight bytes every PNG file starts with.
    public static let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

    /// The PNG file for `raster`.
    public static func encode(_ raster: Raster) -> [UInt8] {
        var header: [UInt8] = []
        append(UInt32(raster.width), to: &header)
        append(UInt32(raster.height), to: &header)
        header += [8, raster.colorModel == .grayscale ? 0 : 2, 0, 0, 0]  // depth, color type, compression, filter, interlace

        var file = signature
        appendChunk("IHDR", header, to: &file)
        appendChunk("IDAT", compress(filteredRows(raster)), to: &file)
        appendChunk("IEND", [], to: &file)
        return file
    }

    /// The rows, each preceded by its filter-type byte (0).
    private static func filteredRows(_ raster: Raster) -> [UInt8] {
        let rowBytes = raster.width * raster.colorModel.channels
        var data = [UInt8](repeating: 0, count: raster.height * (rowBytes + 1))
        raster.bytes.withUnsafeBufferPointer { source in
            data.withUnsafeMutableBufferPointer { target in
                for row in 0..<raster.height {
                    let destination = target.baseAddress! + row * (rowBytes + 1) + 1
                    destination.update(from: source.baseAddress! + row * rowBytes, count: rowBytes)
                }
            }
        }
        return data
    }

    private static func compress(_ data: [UInt8]) -> [UInt8] {
        var capacity = compressBound(uLong(data.count))
        var output = [UInt8](repeating: 0, count: Int(capacity))
        let status = output.withUnsafeMutableBufferPointer { out in
            data.withUnsafeBufferPointer { input in
                compress2(out.baseAddress, &capacity, input.baseAddress, uLong(input.count), Z_BEST_COMPRESSION)
            }
        }
        precondition(status == Z_OK, "compressBound leaves enough room, so compress2 cannot fail")
        output.removeSubrange(Int(capacity)...)
        return output
    }

    private static func appendChunk(_ type: String, _ data: [UInt8], to file: inout [UInt8]) {
        let typeAndData = Array(type.utf8) + data
        append(UInt32(data.count), to: &file)
        file += typeAndData
        let checksum = typeAndData.withUnsafeBufferPointer { crc32(0, $0.baseAddress, uInt($0.count)) }
        append(UInt32(checksum), to: &file)
    }

    private static func append(_ word: UInt32, to bytes: inout [UInt8]) {
        bytes += [UInt8(word >> 24), UInt8(word >> 16 & 0xFF), UInt8(word >> 8 & 0xFF), UInt8(word & 0xFF)]
    }
}
