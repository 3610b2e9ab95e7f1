/// libFuzzer harness for the IDX reader. The first byte picks the expected number of dimensions
/// (1 to 4); the rest is decoded twice: as the file's bytes (plain, or gzip when they start
/// with 1f 8b), and gzipped by us, so the decompressed header and sizes are fuzzed as well
/// as the gzip stream itself. A decoded file must encode and decode back to itself, and a
/// decoded images file (3 dimensions) must make a dataset or a `DatasetError`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 0 else { return 0 }
    let dimensionCount = Int(data[0] % 4) + 1
    let bytes = Array(UnsafeBufferPointer(start: data + 1, count: size - 1))
    for candidate in [bytes, Gzip.compress(bytes)] {
        guard let file = try? IDXFile.decode(candidate, path: "fuzz.idx", dimensionCount: dimensionCount) else { continue }
        check(file.dimensions.count == dimensionCount, "decoded \(file.dimensions.count) dimensions, not \(dimensionCount)")
        // The public initializer checks the payload against the dimensions again.
        let rebuilt = IDXFile(dimensions: file.dimensions, payload: Array(file.payload))
        check((try? IDXFile.decode(rebuilt.encoded(), path: "again.idx", dimensionCount: dimensionCount)) == file,
              "encoding and decoding \(file.dimensions) changed the file")
        if dimensionCount == 3, file.dimensions[0] <= 1024 {
            makeDataset(images: file)
        }
    }
    return 0
}

/// Pairs `images` with as many labels and reads the dataset back as training code would.
private func makeDataset(images: IDXFile) {
    let count = images.dimensions[0]
    let labels = IDXFile(dimensions: [count], payload: (0..<count).map { UInt8($0 % 3) })
    guard let dataset = try? ImageDataset(images: images, imagesPath: "images.idx", labels: labels, labelsPath: "labels.idx",
                                          classNames: ["a", "b", "c"]) else { return }
    check(dataset.count == count, "the dataset has \(dataset.count) images, the file \(count)")
    let first = dataset.prefix(1)
    if first.count == 1 {
        check(first.image(0).count == dataset.pixelsPerImage, "an image has the wrong number of pixels")
    }
}

/// Stops with `message` when `condition` fails; unlike `precondition`, the message survives `-O`,
/// so the fuzzer's log says which property broke.
func check(_ condition: Bool, _ message: @autoclosure () -> String) {
    if !condition { fatalError(message()) }
}
