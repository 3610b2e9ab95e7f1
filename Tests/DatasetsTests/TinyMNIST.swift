import Foundation
@testable import Datasets
import TestSupport

/// A tiny MNIST-format dataset whose pixel bytes encode their own position, so a test can tell
/// exactly which image landed where.
struct TinyMNIST {
    var trainCount = 12
    var testCount = 5
    var rows = 28
    var columns = 28

    static func pixelByte(example: Int, pixel: Int, split: Int) -> UInt8 {
        UInt8((example * 7 + pixel * 3 + split * 101) % 256)
    }

    func images(count: Int, split: Int) -> IDXFile {
        let size = rows * columns
        let bytes = (0..<count * size).map { Self.pixelByte(example: $0 / size, pixel: $0 % size, split: split) }
        return IDXFile(dimensions: [count, rows, columns], payload: bytes)
    }

    func labels(count: Int) -> IDXFile {
        IDXFile(dimensions: [count], payload: (0..<count).map { UInt8($0 % 10) })
    }

    /// Writes the four files into `folder`, gzipped or plain.
    func write(into folder: TemporaryFolder, compressed: Bool) throws {
        let suffix = compressed ? ".gz" : ""
        try images(count: trainCount, split: 0).write(to: folder.file("train-images-idx3-ubyte" + suffix), compressed: compressed)
        try labels(count: trainCount).write(to: folder.file("train-labels-idx1-ubyte" + suffix), compressed: compressed)
        try images(count: testCount, split: 1).write(to: folder.file("t10k-images-idx3-ubyte" + suffix), compressed: compressed)
        try labels(count: testCount).write(to: folder.file("t10k-labels-idx1-ubyte" + suffix), compressed: compressed)
    }
}
