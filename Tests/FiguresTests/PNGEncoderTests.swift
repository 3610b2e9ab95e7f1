import Foundation
import Outputs
import TestSupport
import Testing
@testable import Figures

@Suite struct PNGEncoderTests {
    static let gradient = Raster(width: 37, height: 11, colorModel: .grayscale,
                                 bytes: (0..<37 * 11).map { UInt8(($0 * 13) % 256) })
    static let colors = Raster(width: 5, height: 4, colorModel: .rgb, bytes: (0..<60).map { UInt8(($0 * 29 + 7) % 256) })

    @Test(arguments: [gradient, colors])
    func decodesBackToTheSamePixels(raster: Raster) throws {
        #expect(try PNGDecoder.decode(raster.pngData()) == raster)
    }

    @Test func encodingIsDeterministic() {
        #expect(Self.gradient.pngData() == Self.gradient.pngData())
    }

    @Test(arguments: [gradient, colors])
    func passesPngcheck(raster: Raster) throws {
        guard let pngcheck = ExternalTool.find("pngcheck") else { return }
        let path = ExternalTool.temporaryPath("check.png")
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Data(raster.pngData()).write(to: URL(fileURLWithPath: path))
        let (status, output) = try ExternalTool.run(pngcheck, [path])
        #expect(status == 0, "\(output)")
        let kind = raster.colorModel == .grayscale ? "8-bit grayscale" : "24-bit RGB"
        #expect(output.hasPrefix("OK: \(path) (\(raster.width)x\(raster.height), \(kind), non-interlaced"), "\(output)")
    }

    @Test func imageGridLayoutAndScale() throws {
        // Two 2x3 images, one black and one white, side by side at scale 2 with padding 1.
        let grid = ImageGrid(images: [[Float](repeating: 0, count: 6), [Float](repeating: 1, count: 6)],
                             imageRows: 2, imageColumns: 3, gridColumns: 2, padding: 1, scale: 2, paddingIntensity: 0.5)
        let raster = try PNGDecoder.decode(grid.pngData())
        #expect(raster.width == 2 * 6 + 3 && raster.height == 4 + 2)
        #expect(raster.color(x: 0, y: 0) == RGBColor(gray: 128))
        #expect(raster.color(x: 1, y: 1) == RGBColor(gray: 0))
        #expect(raster.color(x: 6, y: 4) == RGBColor(gray: 0))
        #expect(raster.color(x: 7, y: 1) == RGBColor(gray: 128))
        #expect(raster.color(x: 8, y: 1) == RGBColor(gray: 255))
        #expect(raster.color(x: 13, y: 4) == RGBColor(gray: 255))
        #expect(raster.color(x: 14, y: 4) == RGBColor(gray: 128))
    }

    @Test func gridWrapsRowsAndClampsIntensities() {
        let images = (0..<5).map { [Float](repeating: Float($0) - 1.5, count: 4) } + [[.nan, 0.5, 2, -1]]
        let raster = ImageGrid(images: images, imageRows: 2, imageColumns: 2, gridColumns: 4, padding: 0, scale: 1).raster()
        #expect(raster.width == 8 && raster.height == 4)
        #expect(raster.color(x: 0, y: 0) == RGBColor(gray: 0))    // -1.5 clamps to black
        #expect(raster.color(x: 6, y: 0) == RGBColor(gray: 255))  // 1.5 clamps to white
        #expect(raster.bytes[2 * 8 + 2 ..< 2 * 8 + 4] == [0, 128])    // NaN is black
        #expect(raster.bytes[3 * 8 + 2 ..< 3 * 8 + 4] == [255, 0])
    }

    @Test func gridCodableRoundTripIsBitExact() throws {
        let grid = ImageGrid(pixels: [0.1, 0.2, .pi / 10, 1e-30], imageRows: 1, imageColumns: 2, labels: ["a", "b"])
        let decoded = try JSONDecoder().decode(ImageGrid.self, from: JSONEncoder().encode(grid))
        #expect(decoded == grid)
        #expect(decoded.pixels.map(\.bitPattern) == grid.pixels.map(\.bitPattern))
    }

    @Test func resamplingAveragesBlocks() {
        let raster = Raster(width: 4, height: 2, colorModel: .grayscale, bytes: [0, 100, 200, 200, 0, 100, 50, 50])
        #expect(raster.resampled(width: 2, height: 1).bytes == [50, 125])
        #expect(raster.resampled(width: 8, height: 2).bytes.prefix(4) == [0, 0, 100, 100])
    }
}
