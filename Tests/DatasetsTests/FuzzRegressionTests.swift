import Testing
@testable import Datasets

/// Inputs the fuzzers in `Fuzz/` found, each reduced to its cause, with the behavior they must
/// keep now that the bug is fixed.
@Suite struct FuzzRegressionTests {
    /// The fuzzer's file: 3 dimensions of 2³²−1, 4 177 395 713 and 0 with no data. It is valid
    /// (zero images hold zero bytes), but multiplying the sizes in order overflowed before the
    /// zero was reached, so building the same file through the public initializer trapped.
    @Test func zeroDimensionAfterHugeOnesIsAnEmptyFile() throws {
        let bytes: [UInt8] = [0x00, 0x00, 0x08, 0x03, 0xFF, 0xFF, 0xFF, 0xFF, 0xF8, 0xFF, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00]
        let file = try IDXFile.decode(bytes, path: "fuzz.idx", dimensionCount: 3)
        #expect(file.dimensions == [0xFFFF_FFFF, 0xF8FF_0001, 0])
        #expect(file.payload.isEmpty)
        let rebuilt = IDXFile(dimensions: file.dimensions, payload: [])
        #expect(rebuilt.encoded() == bytes)
    }

    /// Sizes whose product passes `Int.max` are a truncated file, not an overflow.
    @Test func hugeDimensionsAreATruncatedFile() {
        let bytes: [UInt8] = [0x00, 0x00, 0x08, 0x03] + Array(repeating: 0xFF, count: 12) + [1, 2, 3]
        #expect(throws: DatasetError.truncatedFile(path: "huge.idx", expectedBytes: Int.max, actualBytes: 19)) {
            try IDXFile.decode(bytes, path: "huge.idx", dimensionCount: 3)
        }
    }

    /// The fuzzer's images file: zero images of 4 294 967 295 × 4 294 901 760 pixels. Complete as a
    /// file, but the pixels per image overflowed the moment a dataset made from it was used.
    @Test func zeroImagesTooLargeToAddressAreAnError() throws {
        let bytes: [UInt8] = [0x00, 0x00, 0x08, 0x03, 0x00, 0x00, 0x00, 0x00, 0xFF, 0xFF, 0xFE, 0xFF, 0xFF, 0xFF, 0x00, 0x00]
        let images = try IDXFile.decode(bytes, path: "images.idx", dimensionCount: 3)
        let labels = IDXFile(dimensions: [0], payload: [])
        #expect(throws: DatasetError.imagesTooLarge(path: "images.idx", rows: 0xFFFF_FEFF, columns: 0xFFFF_0000)) {
            try ImageDataset(images: images, imagesPath: "images.idx", labels: labels, labelsPath: "labels.idx", classNames: ["a"])
        }
        #expect(DatasetError.imagesTooLarge(path: "images.idx", rows: 3, columns: 4).description
                == "images.idx: error: images of 3x4 pixels are too large to hold")
    }
}
