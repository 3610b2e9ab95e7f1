import Foundation

/// Floats as the base64 of their little-endian IEEE 754 bits: compact in JSON, and decoded
/// bit for bit, so a cached output is the output that was shown.
public enum FloatBits {
    /// The base64 of `values`' little-endian float bits.
    public static func base64(_ values: [Float]) -> String {
        var data = Data(capacity: values.count * 4)
        for value in values {
            let bits = value.bitPattern
            data.append(contentsOf: [UInt8(bits & 0xFF), UInt8(bits >> 8 & 0xFF), UInt8(bits >> 16 & 0xFF), UInt8(bits >> 24)])
        }
        return data.base64EncodedString()
    }

    /// The floats whose bits `text` encodes, or nil when it is not base64 of whole floats.
    public static func floats(base64 text: String) -> [Float]? {
        guard let data = Data(base64Encoded: text), data.count % 4 == 0 else { return nil }
        return stride(from: 0, to: data.count, by: 4).map { offset in
            Float(bitPattern: data[offset ..< offset + 4].reversed().reduce(0) { $0 << 8 | UInt32($1) })
        }
    }
}
