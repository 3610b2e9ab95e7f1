import Foundation

/// SHA-256 digests as lowercase hex, the form the cache writes in keys and manifests.
public enum SHA256Hex {
    /// Returns the SHA-256 of `bytes` as 64 lowercase hex digits.
    public static func digest(_ bytes: some DataProtocol) -> String {
        var hasher = SHA256Hasher()
        hasher.update(bytes)
        return hasher.finalizeHex()
    }

    /// Returns the SHA-256 of the UTF-8 bytes of `text` as 64 lowercase hex digits.
    public static func digest(_ text: String) -> String {
        digest(Data(text.utf8))
    }

    /// Returns `bytes` as lowercase hex, two digits a byte.
    public static func hex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var result: [UInt8] = []
        result.reserveCapacity(2 * bytes.count)
        for byte in bytes {
            result.append(digits[Int(byte >> 4)])
            result.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: result, as: UTF8.self)
    }
}
