import Tensors

/// Grayscale images with class labels.
///
/// Images read from IDX files stay as their bytes (a quarter of the memory of floats: 47 MB
/// rather than 188 MB for Fashion-MNIST's training set) and become intensities in [0, 1] when
/// copied out: into a training batch, or once into a tensor with ``imageTensor()``.
public struct ImageDataset: Sendable, Equatable {
    /// The pixel values as stored.
    private enum Storage: Sendable, Equatable {
        /// Bytes 0...255, one per pixel, as in an IDX file.
        case bytes(ArraySlice<UInt8>)
        /// Intensities given directly.
        case intensities([Float])
    }
    /// The number of images.
    public let count: Int
    /// The height of each image in pixels.
    public let rows: Int
    /// The width of each image in pixels.
    public let columns: Int
    private let storage: Storage
    /// Pixel intensities in [0, 1], laid out [count, rows * columns] row-major. For images
    /// read from files this converts every pixel: use ``copyPixels(of:into:)`` or
    /// ``imageTensor()`` in training code.
    public var pixels: [Float] {
        switch storage {
        case .intensities(let values): values
        case .bytes(let bytes): Self.intensities(bytes)
        }
    }
    /// The class index of each image.
    public let labels: [Int]
    /// The class names, indexed by label.
    public let classNames: [String]

    /// The number of pixels in one image.
    public var pixelsPerImage: Int { rows * columns }

    /// Creates a dataset; the pixel and label counts must agree with `count` and the image size.
    public init(rows: Int, columns: Int, pixels: [Float], labels: [Int], classNames: [String]) {
        precondition(rows > 0 && columns > 0, "images need at least one pixel")
        precondition(pixels.count == labels.count * rows * columns, "one label per image of rows * columns pixels")
        precondition(labels.allSatisfy { classNames.indices.contains($0) }, "every label names a class")
        self.init(rows: rows, columns: columns, storage: .intensities(pixels), labels: labels, classNames: classNames)
    }

    private init(rows: Int, columns: Int, storage: Storage, labels: [Int], classNames: [String]) {
        self.count = labels.count
        self.rows = rows
        self.columns = columns
        self.storage = storage
        self.labels = labels
        self.classNames = classNames
    }

    /// Decodes an images file and its labels file, checking that they agree.
    ///
    /// - Parameters:
    ///   - limit: keep only the first `limit` examples (the others are never converted to floats).
    ///   - imageSize: the size the images must have, when the caller knows it.
    public init(images: IDXFile, imagesPath: String, labels: IDXFile, labelsPath: String, classNames: [String],
                limit: Int? = nil, imageSize: (rows: Int, columns: Int)? = nil) throws(DatasetError) {
        let imageCount = images.dimensions[0], rows = images.dimensions[1], columns = images.dimensions[2]
        let labelCount = labels.dimensions[0]
        guard imageCount == labelCount else {
            throw .countMismatch(imagesPath: imagesPath, imageCount: imageCount, labelsPath: labelsPath, labelCount: labelCount)
        }
        if let expected = imageSize, (rows, columns) != expected {
            throw .wrongImageSize(path: imagesPath, rows: rows, columns: columns, expectedRows: expected.rows, expectedColumns: expected.columns)
        }
        guard rows > 0, columns > 0 else {
            throw .wrongImageSize(path: imagesPath, rows: rows, columns: columns, expectedRows: max(rows, 1), expectedColumns: max(columns, 1))
        }
        guard !rows.multipliedReportingOverflow(by: columns).overflow else {
            throw .imagesTooLarge(path: imagesPath, rows: rows, columns: columns)
        }
        let kept = min(limit ?? imageCount, imageCount)
        var decodedLabels = [Int](repeating: 0, count: kept)
        for (index, byte) in labels.payload.prefix(kept).enumerated() {
            guard Int(byte) < classNames.count else {
                throw .invalidLabel(path: labelsPath, index: index, label: Int(byte), classCount: classNames.count)
            }
            decodedLabels[index] = Int(byte)
        }
        self.init(rows: rows, columns: columns, storage: .bytes(images.payload.prefix(kept * rows * columns)),
                  labels: decodedLabels, classNames: classNames)
    }

    /// The first `limit` examples (all of them when there are fewer).
    public func prefix(_ limit: Int) -> ImageDataset {
        let kept = max(0, min(limit, count))
        let size = kept * pixelsPerImage
        let prefix: Storage = switch storage {
        case .bytes(let bytes): .bytes(bytes.prefix(size))
        case .intensities(let values): .intensities(Array(values[..<size]))
        }
        return ImageDataset(rows: rows, columns: columns, storage: prefix, labels: Array(labels[..<kept]), classNames: classNames)
    }

    /// The examples at `indices`, in that order (repeats allowed).
    public func subset(_ indices: some Collection<Int>) -> ImageDataset {
        var chosen = [Float](repeating: 0, count: indices.count * pixelsPerImage)
        chosen.withUnsafeMutableBufferPointer { copyPixels(of: indices, into: $0) }
        return ImageDataset(rows: rows, columns: columns, pixels: chosen, labels: indices.map { labels[$0] }, classNames: classNames)
    }

    /// The pixels of image `index`, row-major.
    public func image(_ index: Int) -> [Float] {
        var image = [Float](repeating: 0, count: pixelsPerImage)
        image.withUnsafeMutableBufferPointer { copyPixels(of: [index], into: $0) }
        return image
    }

    /// All images as a [count, rows * columns] tensor of intensities in [0, 1], converted
    /// straight from the stored bytes.
    public func imageTensor() -> Tensor {
        let tensor = Tensor(shape: [count, pixelsPerImage])
        copyPixels(of: 0..<count, into: tensor.mutableBuffer)
        return tensor
    }

    /// Copies the pixels of the images at `indices`, one after another, into the start of
    /// `buffer`, which must hold at least `indices.count * pixelsPerImage` floats.
    ///
    /// The training loop calls this once per batch with the same buffer, so it allocates nothing.
    public func copyPixels(of indices: some Collection<Int>, into buffer: UnsafeMutableBufferPointer<Float>) {
        let size = pixelsPerImage
        precondition(buffer.count >= indices.count * size, "the buffer holds fewer than indices.count images")
        var destination = buffer.baseAddress!
        for index in indices {
            precondition(index >= 0 && index < count, "image index \(index) out of range 0..<\(count)")
            switch storage {
            case .intensities(let values):
                values.withUnsafeBufferPointer { destination.update(from: $0.baseAddress! + index * size, count: size) }
            case .bytes(let bytes):
                bytes.withUnsafeBufferPointer { source in
                    let image = source.baseAddress! + index * size
                    for pixel in 0..<size { destination[pixel] = Float(image[pixel]) / 255 }
                }
            }
            destination += size
        }
    }

    /// Writes the one-hot encoding of the labels at `indices` (one row of `classNames.count`
    /// floats per example) into the start of `buffer`.
    public func copyOneHotLabels(of indices: some Collection<Int>, into buffer: UnsafeMutableBufferPointer<Float>) {
        let classes = classNames.count
        precondition(buffer.count >= indices.count * classes, "the buffer holds fewer than indices.count label rows")
        var row = 0
        for index in indices {
            let start = row * classes
            buffer[start ..< start + classes].update(repeating: 0)
            buffer[start + labels[index]] = 1
            row += 1
        }
    }

    /// Converts bytes 0...255 to intensities in [0, 1] in one tight loop over raw pointers.
    private static func intensities(_ bytes: ArraySlice<UInt8>) -> [Float] {
        [Float](unsafeUninitializedCapacity: bytes.count) { output, initialized in
            bytes.withUnsafeBufferPointer { input in
                for i in 0..<input.count { output[i] = Float(input[i]) / 255 }
            }
            initialized = bytes.count
        }
    }
}
