/// Everything that can be wrong with a dataset on disk, each case naming the file at fault.
///
/// The descriptions read like compiler diagnostics (`path: error: …`) and end with a hint when
/// there is an obvious fix, such as the package that provides the default data.
public enum DatasetError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file does not exist; `hint` says how to get it when the folder is a known one.
    case missingFile(path: String, hint: String?)
    /// The file exists but could not be read (permissions, a directory, an I/O error).
    case unreadableFile(path: String, reason: String)
    /// The file could not be written.
    case unwritableFile(path: String, reason: String)
    /// The first four bytes are not the IDX magic number the reader expected.
    case wrongMagicNumber(path: String, found: UInt32, expected: UInt32)
    /// The file holds fewer bytes than its header promises (`expectedBytes`), or its gzip
    /// stream stops before its end marker (`expectedBytes` is nil).
    case truncatedFile(path: String, expectedBytes: Int?, actualBytes: Int)
    /// The file holds bytes after the data its header describes.
    case trailingData(path: String, extraBytes: Int)
    /// The gzip stream is damaged (bad checksum, invalid deflate data).
    case corruptCompression(path: String, reason: String)
    /// An images file and its labels file disagree on the number of examples.
    case countMismatch(imagesPath: String, imageCount: Int, labelsPath: String, labelCount: Int)
    /// The images are not the size this dataset kind (or the other split) has.
    case wrongImageSize(path: String, rows: Int, columns: Int, expectedRows: Int, expectedColumns: Int)
    /// The header gives images more pixels than memory can address; only a file of zero
    /// images can claim that and still be complete.
    case imagesTooLarge(path: String, rows: Int, columns: Int)
    /// A label is not the index of one of the dataset's classes.
    case invalidLabel(path: String, index: Int, label: Int, classCount: Int)
    /// A training limit that selects no examples.
    case invalidTrainingLimit(Int)

    public var description: String {
        switch self {
        case let .missingFile(path, hint):
            return "\(path): error: no such file" + (hint.map { "\nhint: \($0)" } ?? "")
        case let .unreadableFile(path, reason):
            return "\(path): error: cannot read the file: \(reason)"
        case let .unwritableFile(path, reason):
            return "\(path): error: cannot write the file: \(reason)"
        case let .wrongMagicNumber(path, found, expected):
            return "\(path): error: wrong magic number \(Self.hex(found)), expected \(Self.hex(expected))"
                + "\nhint: an IDX file of unsigned bytes starts with 0x0000 08 NN, NN being its number of dimensions"
        case let .truncatedFile(path, expected?, actual):
            return "\(path): error: truncated file: its header describes \(expected) bytes but it holds \(actual)"
        case let .truncatedFile(path, nil, actual):
            return "\(path): error: truncated file: the gzip stream stops before its end (after \(actual) bytes of data)"
        case let .trailingData(path, extra):
            return "\(path): error: \(extra) unexpected bytes after the data its header describes"
        case let .corruptCompression(path, reason):
            return "\(path): error: damaged gzip data: \(reason)"
        case let .countMismatch(imagesPath, imageCount, labelsPath, labelCount):
            return "\(imagesPath): error: \(imageCount) images but \(labelsPath) holds \(labelCount) labels"
        case let .wrongImageSize(path, rows, columns, expectedRows, expectedColumns):
            return "\(path): error: images are \(rows)x\(columns), expected \(expectedRows)x\(expectedColumns)"
        case let .imagesTooLarge(path, rows, columns):
            return "\(path): error: images of \(rows)x\(columns) pixels are too large to hold"
        case let .invalidLabel(path, index, label, classCount):
            return "\(path): error: label \(label) of example \(index) is not a class index (0..<\(classCount))"
        case let .invalidTrainingLimit(limit):
            return "error: training limit \(limit) selects no examples; use a positive number"
        }
    }

    private static func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16)
        return "0x" + String(repeating: "0", count: 8 - digits.count) + digits
    }
}
