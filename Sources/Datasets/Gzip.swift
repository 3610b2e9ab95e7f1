import CZlib

/// In-memory gzip decompression and compression through zlib.
///
/// The whole compressed file is already in memory (its bytes are fingerprinted for the cache),
/// so inflating from that buffer avoids reading the file twice.
enum Gzip {
    /// Whether `bytes` start with the gzip magic number 1f 8b.
    static func isCompressed(_ bytes: [UInt8]) -> Bool {
        bytes.count >= 2 && bytes[0] == 0x1F && bytes[1] == 0x8B
    }

    /// Inflates every gzip member in `compressed` and concatenates them, as `gunzip` does.
    static func decompress(_ compressed: [UInt8], path: String) throws(DatasetError) -> [UInt8] {
        var output = [UInt8](repeating: 0, count: initialCapacity(for: compressed))
        var stream = z_stream()
        // 15 window bits + 16 selects the gzip wrapper (and rejects raw zlib data).
        guard inflateInit2_(&stream, 15 + 16, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw .corruptCompression(path: path, reason: "zlib could not start inflating")
        }
        defer { inflateEnd(&stream) }

        var produced = 0
        var consumed = 0
        while true {
            if produced == output.count { output.append(contentsOf: repeatElement(0, count: max(output.count, 1 << 16))) }
            let (status, read, written) = compressed.withUnsafeBufferPointer { input in
                output.withUnsafeMutableBufferPointer { out in
                    stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress! + consumed)
                    stream.avail_in = UInt32(clamping: input.count - consumed)
                    stream.next_out = out.baseAddress! + produced
                    stream.avail_out = UInt32(clamping: out.count - produced)
                    let inBefore = stream.avail_in, outBefore = stream.avail_out
                    let status = inflate(&stream, Z_NO_FLUSH)
                    return (status, Int(inBefore - stream.avail_in), Int(outBefore - stream.avail_out))
                }
            }
            consumed += read
            produced += written
            switch status {
            case Z_OK:
                continue
            case Z_STREAM_END:
                guard consumed < compressed.count else {
                    output.removeSubrange(produced...)
                    return output
                }
                // Another gzip member may follow; anything else is garbage after the stream.
                guard compressed[consumed] == 0x1F, consumed + 1 < compressed.count, compressed[consumed + 1] == 0x8B else {
                    throw .trailingData(path: path, extraBytes: compressed.count - consumed)
                }
                inflateReset(&stream)
            case Z_BUF_ERROR where consumed == compressed.count:
                throw .truncatedFile(path: path, expectedBytes: nil, actualBytes: produced)
            case Z_BUF_ERROR:
                continue
            default:
                let reason = stream.msg.map { String(cString: $0) } ?? "zlib error \(status)"
                throw .corruptCompression(path: path, reason: reason)
            }
        }
    }

    /// Compresses `bytes` into one gzip member with a zeroed timestamp, so equal inputs give
    /// equal files.
    static func compress(_ bytes: [UInt8]) -> [UInt8] {
        var stream = z_stream()
        let initialized = deflateInit2_(&stream, Z_BEST_COMPRESSION, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY,
                                        zlibVersion(), Int32(MemoryLayout<z_stream>.size))
        precondition(initialized == Z_OK, "zlib could not start deflating")
        defer { deflateEnd(&stream) }
        var output = [UInt8](repeating: 0, count: Int(deflateBound(&stream, UInt(bytes.count))) + 32)
        let written = bytes.withUnsafeBufferPointer { input in
            output.withUnsafeMutableBufferPointer { out in
                stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress ?? UnsafePointer(out.baseAddress!))
                stream.avail_in = UInt32(input.count)
                stream.next_out = out.baseAddress
                stream.avail_out = UInt32(out.count)
                let status = deflate(&stream, Z_FINISH)
                precondition(status == Z_STREAM_END, "deflateBound left too little room")
                return out.count - Int(stream.avail_out)
            }
        }
        output.removeSubrange(written...)
        return output
    }

    /// The uncompressed size from the last member's trailer (modulo 2³²), as a first guess.
    private static func initialCapacity(for compressed: [UInt8]) -> Int {
        guard compressed.count >= 18 else { return 1 << 16 }
        let tail = compressed.suffix(4)
        let size = tail.reversed().reduce(0) { $0 << 8 | Int($1) }
        // Deflate cannot expand data more than about 1032-fold, so a larger claim is a lie.
        return min(max(size, 1 << 16), compressed.count * 1032)
    }
}
