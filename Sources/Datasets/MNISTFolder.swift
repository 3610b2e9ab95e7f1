import Foundation

/// A folder of MNIST-format files: `train-images-idx3-ubyte`, `train-labels-idx1-ubyte`,
/// `t10k-images-idx3-ubyte` and `t10k-labels-idx1-ubyte`, each gzipped (`.gz`) or plain.
///
/// The folder is, in order of precedence: the `path` given, the environment variable
/// `COURSE_DATA_DIR`, or ``defaultPath``, where the Debian package `dataset-fashion-mnist`
/// installs Fashion-MNIST. The dataset kind (and so the class names) is the `kind` given, or
/// else guessed from the folder's name (see ``DatasetKind/guessed(fromFolder:)``).
public struct MNISTFolder: Sendable, Equatable {
    /// Where the Debian package `dataset-fashion-mnist` installs its files.
    public static let defaultPath = "/usr/share/datasets/fashion-mnist"
    /// The environment variable that names another folder.
    public static let environmentVariable = "COURSE_DATA_DIR"
    /// The hint given when the default data is missing.
    public static let installHint = "install it with: apt-get install dataset-fashion-mnist"

    /// The folder's path.
    public let path: String
    /// Which dataset the folder holds.
    public let kind: DatasetKind
    /// Whether the folder is the default one (so a missing file means a missing package).
    public let isDefault: Bool

    /// Chooses the folder: `path`, else `$COURSE_DATA_DIR`, else ``defaultPath``.
    public init(path: String? = nil, kind: DatasetKind? = nil,
                environment: [String: String] = ProcessInfo.processInfo.environment) {
        let chosen = path ?? environment[Self.environmentVariable].flatMap { $0.isEmpty ? nil : $0 }
        self.init(resolvedPath: chosen ?? Self.defaultPath, kind: kind, isDefault: chosen == nil)
    }

    init(resolvedPath: String, kind: DatasetKind?, isDefault: Bool) {
        self.path = resolvedPath
        self.isDefault = isDefault
        self.kind = kind ?? DatasetKind.guessed(fromFolder: resolvedPath)
    }

    /// The two splits, with the identity of the files they came from.
    public struct Splits: Sendable, Equatable {
        /// The training split (its first `trainingLimit` examples when a limit was given).
        public let train: ImageDataset
        /// The test split, always complete.
        public let test: ImageDataset
        /// The identity of the four files as stored.
        public let identity: DatasetIdentity
    }

    /// Loads both splits, keeping only the first `trainingLimit` training examples if given.
    public func load(trainingLimit: Int? = nil) throws(DatasetError) -> Splits {
        if let limit = trainingLimit, limit <= 0 { throw .invalidTrainingLimit(limit) }
        let files = try readFiles()
        let train = try dataset(images: files[0], labels: files[1], limit: trainingLimit)
        let test = try dataset(images: files[2], labels: files[3], limit: nil)
        return Splits(train: train, test: test, identity: DatasetIdentity(files: files.map(\.identity)))
    }

    /// The identity of the four files, without decoding them.
    public func identity() throws(DatasetError) -> DatasetIdentity {
        DatasetIdentity(files: try readFiles().map(\.identity))
    }

    /// The path of a file named by its stem (`train-images-idx3-ubyte`): the gzipped file when
    /// present, else the plain one, else the gzipped name (for the error message).
    public func filePath(_ stem: String) -> String {
        let manager = FileManager.default
        let candidates = [stem + ".gz", stem, Self.dottedStem(stem) + ".gz", Self.dottedStem(stem)]
        let existing = candidates.first { manager.fileExists(atPath: join($0)) }
        return join(existing ?? candidates[0])
    }

    /// The paths of the four files a load reads.
    public var filePaths: [String] { Self.stems.map(filePath) }

    private static let stems = ["train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"]

    /// Some copies of MNIST name their files `train-images.idx3-ubyte`.
    private static func dottedStem(_ stem: String) -> String {
        stem.replacingOccurrences(of: "-idx", with: ".idx")
    }

    private struct StoredFile {
        var path: String
        var bytes: [UInt8]
        var identity: DatasetIdentity.File
    }

    private func readFiles() throws(DatasetError) -> [StoredFile] {
        var files: [StoredFile] = []
        for stem in Self.stems {
            let path = filePath(stem)
            let bytes = try FileBytes.read(path, missingHint: isDefault ? Self.installHint : nil)
            let name = String(path.split(separator: "/").last!)
            files.append(StoredFile(path: path, bytes: bytes, identity: .init(name: name, bytes: bytes)))
        }
        return files
    }

    private func dataset(images: StoredFile, labels: StoredFile, limit: Int?) throws(DatasetError) -> ImageDataset {
        let imageFile = try IDXFile.decode(images.bytes, path: images.path, dimensionCount: 3)
        let labelFile = try IDXFile.decode(labels.bytes, path: labels.path, dimensionCount: 1)
        return try ImageDataset(images: imageFile, imagesPath: images.path, labels: labelFile, labelsPath: labels.path,
                                classNames: kind.classNames, limit: limit, imageSize: kind.imageSize)
    }

    private func join(_ name: String) -> String {
        path.hasSuffix("/") ? path + name : path + "/" + name
    }
}
