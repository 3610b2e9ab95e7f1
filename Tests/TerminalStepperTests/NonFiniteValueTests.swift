import Figures
import Outputs
import TestSupport
import Testing
@testable import TerminalStepper

/// Training that diverges, or nearly does, hands figures NaN, infinities and finite values
/// too large for an `Int`: every kind of chart and image grid draws them, in every form, with
/// no trap (the values are left out, or drawn black), so no step that shows them can crash.
@Suite struct NonFiniteValueTests {
    /// Values a diverged run produces, alone and among ordinary ones.
    static let valueSets: [[Double]] = [
        [.nan, .nan], [.infinity, -.infinity], [1e300, -1e300], [Double.greatestFiniteMagnitude, 0],
        [1, .nan, 3, .infinity, 2, -.infinity], [1e-320, 1e-320], [],
    ]

    static var charts: [Chart] {
        valueSets.flatMap { values -> [Chart] in
            let count = values.count
            let x = values.indices.map(Double.init)
            // A heat map has at least one cell.
            let heatMaps: [Chart] = count == 0 ? [] : [
                .heatMap(HeatMap(title: "Density", values: values, rows: 1, columns: count, xRange: -1...1, yRange: -1...1)),
                .smallMultiples(SmallMultiples(title: "Panels", valueRange: 0...1, pointSetNames: ["real", "generated"], rows: 1, columns: count,
                                               xRange: -1...1, yRange: -1...1,
                                               panels: [.init(title: "step 0", values: values, pointSets: [.init(x: values, y: x), .init(x: x, y: values)])])),
            ]
            return heatMaps + [
                .line(LineChart(title: "Loss", series: [.init(name: "loss", x: x, y: values), .init(name: "x", x: values, y: x)])),
                .line(LineChart(title: "Log loss", series: [.init(name: "loss", x: x, y: values)], logarithmicY: true)),
                .scatter(ScatterPlot(title: "Codes", x: values, y: values.reversed(), classes: Array(repeating: 0, count: count), classNames: ["one"])),
                .bar(BarChart(title: "Counts", categories: values.indices.map(String.init), values: values)),
                .bar(BarChart.histogram(of: values, binCount: 5, title: "Scores")),
            ]
        }
    }

    @Test(arguments: charts)
    func chartsDrawEveryForm(chart: Chart) {
        let svg = chart.svg(description: "a diverged run")
        #expect(!svg.contains("nan") && !svg.contains("inf"), "\(chart.title): \(svg)")
        for colors in TerminalCapabilities.ColorDepth.allCases { _ = chart.terminalText(width: 60, height: 16, colors: colors) }
        _ = DisplayItem.chart(chart, caption: "", altText: "").canonicalBytes
    }

    @Test func imageGridsDrawNonFinitePixelsBlack() {
        let pixels: [Float] = [.nan, .infinity, -.infinity, Float.greatestFiniteMagnitude]
        let grid = ImageGrid(pixels: pixels, imageRows: 2, imageColumns: 2, gridColumns: 1)
        #expect(!grid.pngData().isEmpty)
        for colors in TerminalCapabilities.ColorDepth.allCases { _ = grid.halfBlocks(maxColumns: 40, colors: colors) }
        _ = grid.sixel()
        _ = grid.kittyGraphics()
    }
}
