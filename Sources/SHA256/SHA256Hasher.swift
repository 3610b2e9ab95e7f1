import CCrypto
import Foundation

/// A SHA-256 computed over bytes given in parts, by the system's libcrypto (OpenSSL).
///
/// Feeding the parts one by one gives the same digest as hashing their concatenation, without
/// holding it all in memory. The hasher is not copyable because it owns an OpenSSL context,
/// which is freed when the hasher goes away.
public struct SHA256Hasher: ~Copyable {
    private let context: OpaquePointer

    /// Creates a hasher that has seen no bytes yet.
    public init() {
        // Both calls fail only when OpenSSL cannot allocate or finds no SHA-256 at all, and no
        // caller could do anything sensible about either.
        guard let context = EVP_MD_CTX_new() else { fatalError("OpenSSL could not allocate a digest context") }
        guard EVP_DigestInit_ex(context, EVP_sha256(), nil) == 1 else {
            EVP_MD_CTX_free(context)
            fatalError("OpenSSL could not start a SHA-256 digest")
        }
        self.context = context
    }

    deinit {
        EVP_MD_CTX_free(context)
    }

    /// Adds `bytes` to the bytes hashed so far.
    public mutating func update(_ bytes: some DataProtocol) {
        // `regions` lets a non-contiguous `DataProtocol` be hashed without copying it first.
        for region in bytes.regions {
            region.withUnsafeBytes { buffer in
                guard let base = buffer.baseAddress, buffer.count > 0 else { return }
                guard EVP_DigestUpdate(context, base, buffer.count) == 1 else { fatalError("OpenSSL failed to hash bytes") }
            }
        }
    }

    /// Returns the 32-byte digest of everything given to ``update(_:)``; the hasher is used up.
    public consuming func finalize() -> [UInt8] {
        var digest = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var size: UInt32 = 0
        guard EVP_DigestFinal_ex(context, &digest, &size) == 1 else { fatalError("OpenSSL failed to finish a digest") }
        return Array(digest.prefix(Int(size)))
    }

    /// Returns ``finalize()`` as 64 lowercase hex digits; the hasher is used up.
    public consuming func finalizeHex() -> String {
        SHA256Hex.hex(finalize())
    }
}
