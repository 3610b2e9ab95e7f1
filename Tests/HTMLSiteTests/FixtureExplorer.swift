import Foundation
import Outputs

/// A latent explorer for the fixture course made from formulas, the same on every run: a
/// 2→16→784 decoder whose weights are sines, over the fixture's spiral of codes. Tests that
/// need a trained decoder train one (see `LatentExplorerBrowserTests`).
enum FixtureExplorer {
    static var explorer: LatentExplorer {
        let hidden = 16, pixels = 28 * 28
        let decoder: [NetworkLayer] = [
            .linear(inputSize: 2, outputSize: hidden, weights: (0..<(2 * hidden)).map { Float(sin(Double($0) * 0.7)) },
                    bias: (0..<hidden).map { Float(cos(Double($0))) * 0.1 }),
            .relu,
            .linear(inputSize: hidden, outputSize: pixels, weights: (0..<(hidden * pixels)).map { Float(sin(Double($0) * 0.013)) },
                    bias: (0..<pixels).map { Float(-1 + sin(Double($0) * 0.05)) }),
            .sigmoid,
        ]
        let scatter = FixtureCourse.codesScatter
        let codes = zip(scatter.x, scatter.y).flatMap { [Float($0), Float($1)] }
        let grid = FixtureCourse.samplesGrid
        return LatentExplorer(decoder: decoder, imageRows: 28, imageColumns: 28, codes: codes, classes: scatter.classes,
                              classNames: scatter.classNames, interpolationEnds: [0, 1], endImages: Array(grid.pixels[0..<(2 * pixels)]))
    }
}
