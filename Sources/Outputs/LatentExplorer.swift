/// What the site needs to let a reader move through a 2-D code space: a trained decoder, the
/// codes of some test images (where the data is), and two of those images to interpolate
/// between.
///
/// The page draws the codes as points, decodes the code under the reader's pointer with
/// ``decoder`` in the browser, and decodes the straight line between the two images' codes
/// under a slider. Where nothing runs scripts (the terminal, print), it is described in words.
public struct LatentExplorer: Sendable, Equatable, Codable {
    /// The decoder, a code of two numbers to an image's pixel intensities in [0, 1], layer by layer.
    public var decoder: [NetworkLayer]
    /// The height of a decoded image in pixels.
    public var imageRows: Int
    /// The width of a decoded image in pixels.
    public var imageColumns: Int
    /// The images' codes, [count, 2] row-major: z₁ then z₂ of each.
    public var codes: [Float]
    /// The class index of each code, which picks its color.
    public var classes: [Int]
    /// The name of each class, indexed by class.
    public var classNames: [String]
    /// The positions, among the codes, of the images at the two ends of the interpolation.
    public var interpolationEnds: [Int]
    /// The pixels of those two images, [2, imageRows * imageColumns], shown at the slider's ends.
    public var endImages: [Float]

    public init(decoder: [NetworkLayer], imageRows: Int, imageColumns: Int, codes: [Float], classes: [Int], classNames: [String],
                interpolationEnds: [Int], endImages: [Float]) {
        let outputSize = decoder.reduce(2 as Int?) { size, layer in size.flatMap(layer.outputSize(forInput:)) }
        precondition(outputSize == imageRows * imageColumns, "the decoder maps a 2-D code to an image of imageRows × imageColumns")
        precondition(codes.count == 2 * classes.count && !classes.isEmpty, "two numbers per code, one class per code")
        precondition(classes.allSatisfy { classNames.indices.contains($0) }, "every class index names a class")
        precondition(interpolationEnds.count == 2 && interpolationEnds.allSatisfy { classes.indices.contains($0) }, "two ends among the codes")
        precondition(endImages.count == 2 * imageRows * imageColumns, "one image per end")
        self.decoder = decoder
        self.imageRows = imageRows
        self.imageColumns = imageColumns
        self.codes = codes
        self.classes = classes
        self.classNames = classNames
        self.interpolationEnds = interpolationEnds
        self.endImages = endImages
    }

    /// The number of codes.
    public var count: Int { classes.count }

    /// The number of weights and biases in the decoder.
    public var parameterCount: Int { decoder.reduce(0) { $0 + $1.parameterCount } }

    /// The decoder's shape, such as `2→400→784`.
    public var architecture: String {
        var sizes = [2]
        for case .linear(_, let outputSize, _, _) in decoder { sizes.append(outputSize) }
        return sizes.map(String.init).joined(separator: "→")
    }

    /// The code plane the page shows: the codes' extent with a margin of a twentieth on each
    /// side, as [z₁ low, z₁ high, z₂ low, z₂ high].
    public var plane: [Double] {
        func range(_ axis: Int) -> [Double] {
            let values = stride(from: axis, to: codes.count, by: 2).map { Double(codes[$0]) }.filter(\.isFinite)
            let low = values.min() ?? -1, high = values.max() ?? 1
            let margin = max(high - low, 1e-3) / 20
            return [low - margin, high + margin]
        }
        return range(0) + range(1)
    }
}

extension LatentExplorer {
    /// What the explorer offers, in words, for where it cannot run: the terminal, a page
    /// without scripts.
    public var summary: String {
        "Latent explorer (on the course site): point at a code among the \(count) images' codes to see what the decoder "
            + "(\(architecture), \(grouped(parameterCount)) weights) makes of it, or slide along the line between two images' codes."
    }

    /// `315,584`: digits in groups of three, as the prose writes counts.
    private func grouped(_ number: Int) -> String {
        var digits = String(number), groups: [Substring] = []
        while digits.count > 3 {
            groups.insert(Substring(digits.suffix(3)), at: 0)
            digits.removeLast(3)
        }
        return ([Substring(digits)] + groups).joined(separator: ",")
    }
}
