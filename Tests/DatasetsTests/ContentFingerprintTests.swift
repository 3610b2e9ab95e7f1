import Testing
@testable import Datasets

@Suite struct ContentFingerprintTests {
    /// Reference values from the `xxhash` Python package (the reference C implementation).
    @Test func matchesReferenceXXH64() {
        let long = Array((0..<256).map(UInt8.init)) + Array((0..<256).map(UInt8.init)) + Array((0..<256).map(UInt8.init)) + Array("xyz".utf8)
        let cases: [([UInt8], UInt64, UInt64)] = [
            ([], 0xEF46_DB37_51D8_E999, 0x95F0_626F_6F0A_4409),
            (Array("a".utf8), 0xD24E_C4F1_A98C_6E5B, 0xDC63_49D4_89E0_F965),
            (Array("abc".utf8), 0x44BC_2CF5_AD77_0999, 0x9E75_5206_1566_76D7),
            (Array("0123456789abcdefghijklmnopqrstuvwxyz".utf8), 0x6919_6C1B_3AF0_BFF9, 0x245A_CD11_A445_E8DA),
            (long, 0xE921_A1B4_5BD7_79F8, 0xB635_55D1_BF05_377F),
        ]
        for (bytes, unseeded, seeded) in cases {
            #expect(ContentFingerprint.xxh64(bytes) == unseeded, "length \(bytes.count)")
            #expect(ContentFingerprint.xxh64(bytes, seed: 7) == seeded, "length \(bytes.count), seed 7")
        }
    }

    @Test func identityStringIsStableAndSorted() {
        let identity = DatasetIdentity(files: [
            .init(name: "b", byteCount: 3, fingerprint: 0xAB),
            .init(name: "a", bytes: Array("abc".utf8)),
        ])
        #expect(identity.description == "a 3 xxh64:44bc2cf5ad770999\nb 3 xxh64:00000000000000ab")
    }
}
