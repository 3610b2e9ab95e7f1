import Foundation
import Testing
@testable import Datasets
import TestSupport

@Suite struct IDXFileTests {
    let sample = IDXFile(dimensions: [2, 3, 4], payload: (0..<24).map(UInt8.init))

    @Test(arguments: [false, true])
    func roundTrip(compressed: Bool) throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.file("sample")
        try sample.write(to: path, compressed: compressed)
        let stored = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect((stored.first == 0x1F) == compressed)
        let read = try IDXFile.read(contentsOf: path, dimensionCount: 3)
        #expect(read == sample)
        #expect(read.dimensions == [2, 3, 4])
    }

    @Test func imagesFromIntensities() {
        let file = IDXFile(images: [0, 0.5, 1, 2, -1, .nan], rows: 1, columns: 3)
        #expect(file.dimensions == [2, 1, 3])
        #expect(Array(file.payload) == [0, 128, 255, 255, 0, 0])
    }

    @Test func headerIsBigEndian() {
        #expect(Array(sample.encoded().prefix(16)) == [0, 0, 8, 3, 0, 0, 0, 2, 0, 0, 0, 3, 0, 0, 0, 4])
    }

    @Test func wrongDimensionCountIsAWrongMagicNumber() throws {
        #expect(throws: DatasetError.wrongMagicNumber(path: "f", found: 0x0803, expected: 0x0801)) {
            try IDXFile.decode(sample.encoded(), path: "f", dimensionCount: 1)
        }
    }

    @Test func wrongTypeIsAWrongMagicNumber() throws {
        var bytes = sample.encoded()
        bytes[2] = 0x0D  // 32-bit floats
        #expect(throws: DatasetError.wrongMagicNumber(path: "f", found: 0x0D03, expected: 0x0803)) {
            try IDXFile.decode(bytes, path: "f", dimensionCount: 3)
        }
        let error = DatasetError.wrongMagicNumber(path: "data/f", found: 0x0D03, expected: 0x0803)
        #expect(error.description.hasPrefix("data/f: error: wrong magic number 0x00000d03, expected 0x00000803"))
    }

    @Test func truncatedData() throws {
        let bytes = Array(sample.encoded().dropLast(5))
        #expect(throws: DatasetError.truncatedFile(path: "f", expectedBytes: 40, actualBytes: 35)) {
            try IDXFile.decode(bytes, path: "f", dimensionCount: 3)
        }
    }

    @Test func truncatedHeader() throws {
        #expect(throws: DatasetError.truncatedFile(path: "f", expectedBytes: 16, actualBytes: 10)) {
            try IDXFile.decode(Array(sample.encoded().prefix(10)), path: "f", dimensionCount: 3)
        }
        #expect(throws: DatasetError.truncatedFile(path: "f", expectedBytes: 16, actualBytes: 2)) {
            try IDXFile.decode([0, 0], path: "f", dimensionCount: 3)
        }
    }

    @Test func truncatedGzipStream() throws {
        let compressed = Gzip.compress(sample.encoded())
        for cut in [2, 12, compressed.count - 1] {
            #expect {
                try IDXFile.decode(Array(compressed.prefix(cut)), path: "f", dimensionCount: 3)
            } throws: { error in
                guard case .truncatedFile(path: "f", expectedBytes: nil, _) = error as? DatasetError else { return false }
                return true
            }
        }
        let error = DatasetError.truncatedFile(path: "f.gz", expectedBytes: nil, actualBytes: 0)
        #expect(error.description.contains("f.gz: error: truncated file"))
    }

    @Test func trailingGarbage() throws {
        #expect(throws: DatasetError.trailingData(path: "f", extraBytes: 3)) {
            try IDXFile.decode(sample.encoded() + [1, 2, 3], path: "f", dimensionCount: 3)
        }
        #expect(throws: DatasetError.trailingData(path: "f", extraBytes: 3)) {
            try IDXFile.decode(Gzip.compress(sample.encoded()) + [1, 2, 3], path: "f", dimensionCount: 3)
        }
    }

    @Test func concatenatedGzipMembersAreOneFile() throws {
        let bytes = sample.encoded()
        let twoMembers = Gzip.compress(Array(bytes.prefix(20))) + Gzip.compress(Array(bytes.dropFirst(20)))
        #expect(try IDXFile.decode(twoMembers, path: "f", dimensionCount: 3) == sample)
    }

    @Test func damagedGzipData() throws {
        var compressed = Gzip.compress(sample.encoded())
        compressed[compressed.count - 6] ^= 0xFF  // inside the CRC-32 trailer
        #expect {
            try IDXFile.decode(compressed, path: "f", dimensionCount: 3)
        } throws: { error in
            guard case .corruptCompression(path: "f", _) = error as? DatasetError else { return false }
            return true
        }
    }

    @Test func hugeDimensionsAreTruncationNotACrash() throws {
        let bytes: [UInt8] = [0, 0, 8, 3, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 1, 2]
        #expect {
            try IDXFile.decode(bytes, path: "f", dimensionCount: 3)
        } throws: { error in
            guard case .truncatedFile(path: "f", _, actualBytes: 18) = error as? DatasetError else { return false }
            return true
        }
    }

    @Test func missingAndUnreadableFiles() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        #expect(throws: DatasetError.missingFile(path: folder.file("nope"), hint: nil)) {
            try IDXFile.read(contentsOf: folder.file("nope"), dimensionCount: 1)
        }
        #expect(throws: DatasetError.unreadableFile(path: folder.path, reason: "not a regular file")) {
            try IDXFile.read(contentsOf: folder.path, dimensionCount: 1)
        }
    }
}
