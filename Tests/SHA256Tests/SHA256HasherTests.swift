import Dispatch
import Foundation
import SHA256
import Testing

/// The published SHA-256 test vectors (FIPS 180-2 and the usual empty input), one-shot and fed
/// in parts, as `SHA256Hex.digest(folder:)` feeds a module's files one at a time.
@Suite struct SHA256HasherTests {
    static let twoBlocks = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"

    @Test func knownVectors() {
        #expect(SHA256Hex.digest("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256Hex.digest("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256Hex.digest(Data("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256Hex.digest(Self.twoBlocks) == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }

    @Test func inPartsEqualsOneShot() {
        let bytes = Array(Self.twoBlocks.utf8)
        // Parts of one byte, of none and of many, cut inside a 64-byte block: the hasher must
        // carry a partial block from one update to the next.
        let cuts = [0, 1, 3, 3, 55, 56]
        var hasher = SHA256Hasher()
        for (start, end) in zip(cuts, cuts.dropFirst() + [bytes.count]) {
            hasher.update(bytes[start..<end])
        }
        let digest = hasher.finalize()
        #expect(digest.count == 32)
        #expect(SHA256Hex.hex(digest) == SHA256Hex.digest(Self.twoBlocks))
    }

    /// A million `a`s, fed a thousand at a time, so parts end in the middle of blocks.
    @Test func aMillionAs() {
        let chunk = Data(repeating: UInt8(ascii: "a"), count: 1000)
        var hasher = SHA256Hasher()
        for _ in 0..<1000 { hasher.update(chunk) }
        #expect(hasher.finalizeHex() == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    /// Bytes in several regions (here `DispatchData`) are hashed as their concatenation.
    @Test func nonContiguousBytes() {
        var data = DispatchData.empty
        for part in ["ab", "", "c"] {
            Array(part.utf8).withUnsafeBytes { data.append(DispatchData(bytes: $0)) }
        }
        #expect(SHA256Hex.digest(data) == SHA256Hex.digest("abc"))
    }

    @Test func hexIsLowercaseTwoDigitsAByte() {
        #expect(SHA256Hex.hex([0x00, 0x0f, 0xa0, 0xff]) == "000fa0ff")
        #expect(SHA256Hex.hex([]) == "")
    }
}
