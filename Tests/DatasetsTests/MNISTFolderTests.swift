import Foundation
import Testing
@testable import Datasets
import TestSupport

@Suite struct MNISTFolderTests {
    @Test(arguments: [false, true])
    func loadsBothSplits(compressed: Bool) throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try TinyMNIST().write(into: folder, compressed: compressed)
        let splits = try MNISTFolder(path: folder.path, kind: .fashionMNIST).load()
        #expect(splits.train.count == 12 && splits.test.count == 5)
        #expect(splits.train.rows == 28 && splits.train.columns == 28)
        #expect(splits.train.labels == (0..<12).map { $0 % 10 })
        #expect(splits.train.classNames[9] == "Ankle boot")
        #expect(splits.train.pixels.count == 12 * 784)
        #expect(splits.train.pixels.allSatisfy { $0 >= 0 && $0 <= 1 })
        for (example, pixel) in [(0, 0), (3, 5), (11, 783)] {
            let expected = Float(TinyMNIST.pixelByte(example: example, pixel: pixel, split: 0)) / 255
            #expect(splits.train.pixels[example * 784 + pixel] == expected)
        }
        #expect(splits.test.image(4).first == Float(TinyMNIST.pixelByte(example: 4, pixel: 0, split: 1)) / 255)
        let suffix = compressed ? ".gz" : ""
        #expect(splits.identity.files.map(\.name) == [
            "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte", "train-images-idx3-ubyte", "train-labels-idx1-ubyte",
        ].map { $0 + suffix })
    }

    @Test func trainingLimitKeepsThePrefix() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try TinyMNIST().write(into: folder, compressed: true)
        let all = try MNISTFolder(path: folder.path).load()
        let limited = try MNISTFolder(path: folder.path).load(trainingLimit: 4)
        #expect(limited.train == all.train.prefix(4))
        #expect(limited.train.count == 4)
        #expect(limited.test == all.test)
        #expect(try MNISTFolder(path: folder.path).load(trainingLimit: 1000).train.count == 12)
        #expect(throws: DatasetError.invalidTrainingLimit(0)) { try MNISTFolder(path: folder.path).load(trainingLimit: 0) }
    }

    @Test func folderChoiceAndKind() {
        #expect(MNISTFolder(environment: [:]).path == MNISTFolder.defaultPath)
        #expect(MNISTFolder(environment: [:]).isDefault)
        #expect(MNISTFolder(environment: [:]).kind == .fashionMNIST)
        let fromEnvironment = MNISTFolder(environment: ["COURSE_DATA_DIR": "/data/mnist"])
        #expect(fromEnvironment.path == "/data/mnist" && !fromEnvironment.isDefault)
        #expect(fromEnvironment.kind == .mnist)
        #expect(fromEnvironment.kind.classNames == ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"])
        let explicit = MNISTFolder(path: "/x/Fashion_data", environment: ["COURSE_DATA_DIR": "/data/mnist"])
        #expect(explicit.path == "/x/Fashion_data" && explicit.kind == .fashionMNIST)
        #expect(MNISTFolder(path: "/x/mine", kind: .fashionMNIST).kind == .fashionMNIST)
    }

    @Test func missingDefaultDataNamesThePackage() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let standIn = MNISTFolder(resolvedPath: folder.path, kind: nil, isDefault: true)
        let expected = DatasetError.missingFile(path: folder.file("train-images-idx3-ubyte.gz"), hint: MNISTFolder.installHint)
        #expect(throws: expected) { try standIn.load() }
        #expect(expected.description == "\(folder.file("train-images-idx3-ubyte.gz")): error: no such file\nhint: install it with: apt-get install dataset-fashion-mnist")
        // A folder the user chose gets no package hint: the package would not help.
        #expect(throws: DatasetError.missingFile(path: folder.file("train-images-idx3-ubyte.gz"), hint: nil)) {
            try MNISTFolder(path: folder.path).load()
        }
        #expect(MNISTFolder(environment: ["COURSE_DATA_DIR": ""]).isDefault)
    }

    @Test func oneMissingFileIsNamed() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try TinyMNIST().write(into: folder, compressed: false)
        try FileManager.default.removeItem(atPath: folder.file("t10k-labels-idx1-ubyte"))
        #expect(throws: DatasetError.missingFile(path: folder.file("t10k-labels-idx1-ubyte.gz"), hint: nil)) {
            try MNISTFolder(path: folder.path).load()
        }
    }

    @Test func imageAndLabelCountsMustAgree() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let tiny = TinyMNIST()
        try tiny.write(into: folder, compressed: true)
        try tiny.labels(count: 11).write(to: folder.file("train-labels-idx1-ubyte.gz"), compressed: true)
        let expected = DatasetError.countMismatch(imagesPath: folder.file("train-images-idx3-ubyte.gz"), imageCount: 12,
                                                  labelsPath: folder.file("train-labels-idx1-ubyte.gz"), labelCount: 11)
        #expect(throws: expected) { try MNISTFolder(path: folder.path).load() }
        #expect(expected.description.hasSuffix("12 images but \(folder.file("train-labels-idx1-ubyte.gz")) holds 11 labels"))
    }

    @Test func wrongImageSize() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        var tiny = TinyMNIST()
        tiny.rows = 32
        try tiny.write(into: folder, compressed: false)
        #expect(throws: DatasetError.wrongImageSize(path: folder.file("train-images-idx3-ubyte"), rows: 32, columns: 28,
                                                    expectedRows: 28, expectedColumns: 28)) {
            try MNISTFolder(path: folder.path).load()
        }
    }

    @Test func wrongMagicNumberNamesTheFile() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try TinyMNIST().write(into: folder, compressed: false)
        // Swap the test images and labels: each now has the other's number of dimensions.
        try FileManager.default.moveItem(atPath: folder.file("t10k-labels-idx1-ubyte"), toPath: folder.file("swap"))
        try FileManager.default.moveItem(atPath: folder.file("t10k-images-idx3-ubyte"), toPath: folder.file("t10k-labels-idx1-ubyte"))
        try FileManager.default.moveItem(atPath: folder.file("swap"), toPath: folder.file("t10k-images-idx3-ubyte"))
        #expect(throws: DatasetError.wrongMagicNumber(path: folder.file("t10k-images-idx3-ubyte"), found: 0x0801, expected: 0x0803)) {
            try MNISTFolder(path: folder.path).load()
        }
    }

    @Test func truncatedFileNamesTheFile() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try TinyMNIST().write(into: folder, compressed: false)
        let path = folder.file("train-images-idx3-ubyte")
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        try bytes.dropLast(100).write(to: URL(fileURLWithPath: path))
        #expect(throws: DatasetError.truncatedFile(path: path, expectedBytes: 16 + 12 * 784, actualBytes: 16 + 12 * 784 - 100)) {
            try MNISTFolder(path: folder.path).load()
        }
    }

    @Test func labelsOutsideTheClassesAreRejected() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try TinyMNIST().write(into: folder, compressed: false)
        try IDXFile(dimensions: [5], payload: [0, 1, 10, 3, 4]).write(to: folder.file("t10k-labels-idx1-ubyte"), compressed: false)
        #expect(throws: DatasetError.invalidLabel(path: folder.file("t10k-labels-idx1-ubyte"), index: 2, label: 10, classCount: 10)) {
            try MNISTFolder(path: folder.path).load()
        }
    }

    @Test func identityFollowsContentNotLocation() throws {
        let first = try TemporaryFolder(), second = try TemporaryFolder()
        defer { first.remove(); second.remove() }
        try TinyMNIST().write(into: first, compressed: true)
        try TinyMNIST().write(into: second, compressed: true)
        let identity = try MNISTFolder(path: first.path).identity()
        #expect(identity == (try MNISTFolder(path: second.path).identity()))
        #expect(identity == (try MNISTFolder(path: first.path).load().identity))
        var changed = TinyMNIST()
        changed.testCount = 6
        try changed.write(into: second, compressed: true)
        #expect(identity != (try MNISTFolder(path: second.path).identity()))
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: MNISTFolder.defaultPath + "/t10k-images-idx3-ubyte.gz")))
    func realFashionMNIST() throws {
        let splits = try MNISTFolder(environment: [:]).load(trainingLimit: 1000)
        #expect(splits.train.count == 1000)
        #expect(splits.test.count == 10_000)
        #expect(splits.train.classNames.count == 10)
        // Every class appears in the test split exactly 1000 times.
        #expect(Dictionary(grouping: splits.test.labels, by: { $0 }).mapValues(\.count) == Dictionary(uniqueKeysWithValues: (0..<10).map { ($0, 1000) }))
        #expect(splits.identity.files.first { $0.name == "train-images-idx3-ubyte.gz" }?.byteCount == 26_421_856)
        let mean = splits.test.pixels.reduce(0, +) / Float(splits.test.pixels.count)
        #expect(mean > 0.25 && mean < 0.32)  // Fashion-MNIST's mean intensity is about 0.286
    }
}
