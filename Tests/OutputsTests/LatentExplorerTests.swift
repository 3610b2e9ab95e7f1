import Testing
@testable import Outputs

/// A latent explorer as a value: its decoder's plain layers, its cache form, and what it says
/// of itself where it cannot run.
@Suite struct LatentExplorerTests {
    /// A 2→3→4 decoder over three codes, two of them the interpolation's ends.
    static let explorer = LatentExplorer(
        decoder: [
            .linear(inputSize: 2, outputSize: 3, weights: [0.5, -1, .pi, 1e-30, -0, 2], bias: [0.25, -0.125, 1]),
            .leakyReLU(slope: 0.2), .tanh,
            .linear(inputSize: 3, outputSize: 4, weights: (0..<12).map { Float($0) / 7 }, bias: [0, 1, 2, 3]),
            .relu, .sigmoid,
        ],
        imageRows: 2, imageColumns: 2, codes: [0, 0, 1.5, -2, -3, 4], classes: [0, 1, 1], classNames: ["a", "b"],
        interpolationEnds: [2, 0], endImages: [0, 0.25, 0.5, 1, 1, 0.5, 0.25, 0])

    @Test func cacheFormRoundTripsBitForBit() throws {
        let item = DisplayItem.latentExplorer(Self.explorer, caption: "c", altText: "a")
        let decoded = try DisplayItem(canonicalBytes: item.canonicalBytes)
        #expect(decoded == item)
        #expect(decoded.canonicalBytes == item.canonicalBytes)
        #expect(item.figureFileExtension == nil && item.captionAndAltText?.caption == "c")
    }

    @Test func aLinearLayerWhoseWeightsDoNotFitItsSizesDoesNotDecode() throws {
        let bytes = DisplayItem.latentExplorer(Self.explorer, caption: "", altText: "").canonicalBytes
        let text = String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: "\"outputSize\":3", with: "\"outputSize\":5")
        #expect(throws: DecodingError.self) { try DisplayItem(canonicalBytes: Array(text.utf8)) }
    }

    @Test func itDescribesItsDecoderAndPlane() {
        let explorer = Self.explorer
        #expect(explorer.architecture == "2→3→4")
        #expect(explorer.parameterCount == 9 + 16)
        #expect(explorer.summary.contains("among the 3 images' codes") && explorer.summary.contains("(2→3→4, 25 weights)"))
        // The codes' extent, widened by a twentieth of it on each side.
        let plane = explorer.plane
        let expected = [-3 - 0.225, 1.5 + 0.225, -2 - 0.3, 4 + 0.3]
        #expect(zip(plane, expected).allSatisfy { abs($0 - $1) < 1e-12 }, "\(plane)")
    }
}
