import Foundation
import TestSupport
import Testing
import Outputs
@testable import Figures

/// Small multiples as SVG: each panel's heat map as an embedded PNG, its points over it, and
/// one legend for the points and the color scale.
@Suite struct SmallMultiplesSVGTests {
    let chart = SampleCharts.panels

    @Test func matchesGolden() throws {
        try golden.check(chart.svg(description: "Two panels: the generated points move from the center to the right"),
                         against: "small-multiples/expected.svg")
    }

    @Test func eachPanelEmbedsItsHeatMapWithRowZeroAtTheBottom() throws {
        let svg = chart.svg()
        let images = svg.matches(of: /base64,([A-Za-z0-9+\/=]+)/).map { String($0.output.1) }
        #expect(images.count == 2)
        let ramp = try PNGDecoder.decode(Array(try #require(Data(base64Encoded: images[0]))))
        #expect(ramp == chart.raster(panel: 0))
        // The first panel rises from left to right, the second from bottom to top.
        #expect(ramp.color(x: 0, y: 0) == SmallMultiples.scaleColor(0) && ramp.color(x: 7, y: 0) == SmallMultiples.scaleColor(1))
        let rise = chart.raster(panel: 1)
        #expect(rise.color(x: 3, y: 5) == SmallMultiples.scaleColor(0) && rise.color(x: 3, y: 0) == SmallMultiples.scaleColor(1))
    }

    @Test func drawsEachPanelsPointsInTheirColorsAndLeavesOutThoseOutsideIt() {
        let svg = chart.svg()
        let real = SmallMultiples.pointColor(0).hexString, generated = SmallMultiples.pointColor(1).hexString
        let paths = svg.components(separatedBy: "<path fill=\"none\" stroke=\"").dropFirst()
        #expect(paths.map { String($0.prefix(7)) } == [real, generated, real, generated])
        let dots = paths.map { $0.components(separatedBy: "h0").count - 1 }
        // Twelve real points in each panel; three generated ones, then three of four (one lies at x = 5).
        #expect(dots == [12, 3, 12, 3])
    }

    @Test func hasALegendForThePointsAndTheColorScale() {
        let svg = chart.svg()
        for text in [">real<", ">generated<", ">D(x)<", ">step 0<", ">step 100<", "linearGradient", ">0<", ">0.5<", ">1<"] {
            #expect(svg.contains(text), "missing \(text)")
        }
    }

    @Test func theScaleIsPaleAtBothEndsAndDarkensThroughout() {
        let lumas = (0...20).map { Int(SmallMultiples.scaleColor(Double($0) / 20).luma) }
        #expect(zip(lumas, lumas.dropFirst()).allSatisfy { $0 > $1 })
        // Both kinds of point stay darker than the darkest background, so they stay visible.
        #expect(lumas.last! > Int(SmallMultiples.pointColor(1).luma) + 30)
        #expect(SmallMultiples.scaleColor(.nan) == SmallMultiples.scaleColor(0) && SmallMultiples.scaleColor(7) == SmallMultiples.scaleColor(1))
    }

    @Test func panelsFitTheFigureInRows() throws {
        // Five panels, three to a row: two rows, both inside the figure.
        let five = SmallMultiples(title: "", valueRange: 0...1, pointSetNames: [], rows: 2, columns: 2, xRange: 0...1, yRange: 0...1,
                                  panels: (0..<5).map { .init(title: "p\($0)", values: [0, 0.25, 0.5, 1], pointSets: []) })
        #expect(five.panelRows == 2)
        let svg = five.svg()
        let ys = svg.matches(of: /<image x="[-0-9.]+" y="([-0-9.]+)" width="([-0-9.]+)"/).map { (Double($0.output.1)!, Double($0.output.2)!) }
        #expect(ys.count == 5 && Set(ys.map(\.0)).count == 2)
        #expect(ys.allSatisfy { $0.0 + $0.1 < Double(five.height) })
    }
}
