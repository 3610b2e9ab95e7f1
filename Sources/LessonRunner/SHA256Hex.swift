import Crypto
import Foundation

/// SHA-256 digests as lowercase hex, the form the cache writes in keys and manifests.
enum SHA256Hex {
    static func digest(_ bytes: some DataProtocol) -> String {
        SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
    }

    static func digest(_ text: String) -> String {
        digest(Data(text.utf8))
    }
}
