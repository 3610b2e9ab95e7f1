import Foundation
import TestSupport
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import Outputs
@testable import Figures

@Suite struct SVGTests {
    /// Parses `svg` with Foundation's XMLParser and returns the element names in order.
    func parse(_ svg: String) throws -> [String] {
        final class Collector: NSObject, XMLParserDelegate {
            var elements: [String] = []
            var texts: [String] = []
            func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                        attributes: [String: String] = [:]) { elements.append(name) }
            func parser(_ parser: XMLParser, foundCharacters string: String) { texts.append(string) }
        }
        let parser = XMLParser(data: Data(svg.utf8))
        let collector = Collector()
        parser.delegate = collector
        guard parser.parse() else {
            throw XMLFailure(description: parser.parserError.map { "\($0)" } ?? "unknown parse error")
        }
        return collector.elements
    }

    struct XMLFailure: Error, CustomStringConvertible { let description: String }

    @Test(arguments: SampleCharts.all)
    func chartsAreWellFormedXML(chart: Chart) throws {
        let svg = chart.svg(description: "A chart of <things> & \"stuff\"")
        let elements = try parse(svg)
        #expect(elements.first == "svg")
        #expect(elements.contains("title") && elements.contains("style"))
        #expect(svg.contains("role=\"img\""))
        #expect(svg.contains("aria-label=\"A chart of &lt;things&gt; &amp; &quot;stuff&quot;\""))
        #expect(svg.contains("@media (prefers-color-scheme:dark)"))
        #expect(!svg.contains("nan") && !svg.contains("inf"))
    }

    @Test func chartsPassAnIndependentXMLParser() throws {
        guard let python = ExternalTool.find("python3") else { return }
        for chart in SampleCharts.all {
            let (status, output) = try ExternalTool.run(python, ["-c", "import sys, xml.dom.minidom; xml.dom.minidom.parseString(sys.stdin.buffer.read())"],
                                                        input: Data(chart.svg().utf8))
            #expect(status == 0, "\(chart.title): \(output)")
        }
    }

    @Test func textIsEscaped() throws {
        let svg = SampleCharts.losses.svg()
        #expect(svg.contains("KL &lt;divergence&gt; &amp; &quot;more&quot;"))
        // The control characters XML 1.0 forbids become U+FFFD, as on the site's pages.
        #expect(SVGText.escaped("a\u{1}b<'\u{7F}") == "a\u{FFFD}b&lt;&#39;\u{FFFD}")
        _ = try parse(LineChart(title: "bell \u{7} & tab\t", series: []).svg())
    }

    @Test func scatterOfTenThousandPointsIsCompact() throws {
        let svg = SampleCharts.scatter.svg()
        #expect(svg.utf8.count < 200_000)
        // One path per class, and coordinates never carry more than one decimal.
        let paths = svg.components(separatedBy: "<path stroke=\"#").count - 1
        #expect(paths == 10)
        let pathData = svg.components(separatedBy: " d=\"").dropFirst().map { $0.prefix { $0 != "\"" } }
        #expect(pathData.count > 10)
        #expect(pathData.allSatisfy { $0.range(of: #"\.\d\d"#, options: .regularExpression) == nil })
    }

    @Test func numbersAreRoundedToOneDecimal() {
        #expect(SVGText.number(12.345) == "12.3")
        #expect(SVGText.number(-0.04) == "0")
        #expect(SVGText.number(-2.25) == "-2.3")
        #expect(SVGText.number(7) == "7")
        #expect(SVGText.number(.nan) == "0")
    }

    @Test func heatMapEmbedsAPNGWithRowZeroAtTheBottom() throws {
        let map = HeatMap(title: "t", values: [0, 0, 1, 1], rows: 2, columns: 2, xRange: 0...1, yRange: 0...1)
        let raster = map.raster()
        #expect(raster.color(x: 0, y: 0) == RGBColor.viridis(1))  // row 1 (top) holds the ones
        #expect(raster.color(x: 0, y: 1) == RGBColor.viridis(0))
        let svg = map.svg()
        let base64 = try #require(svg.range(of: #"(?<=base64,)[A-Za-z0-9+/=]+"#, options: .regularExpression))
        let png = try #require(Data(base64Encoded: String(svg[base64])))
        #expect(try PNGDecoder.decode(Array(png)) == raster)
        #expect(svg.contains("linearGradient"))
    }

    @Test func viridisEndsMatchMatplotlib() {
        // matplotlib's viridis runs from #440154 to #fde725; the fit stays within a few levels.
        let start = RGBColor.viridis(0), end = RGBColor.viridis(1)
        for (actual, expected) in [(start, RGBColor(hex: 0x440154)), (end, RGBColor(hex: 0xFDE725))] {
            #expect(abs(Int(actual.red) - Int(expected.red)) <= 6)
            #expect(abs(Int(actual.green) - Int(expected.green)) <= 6)
            #expect(abs(Int(actual.blue) - Int(expected.blue)) <= 6)
        }
    }

    @Test func longSeriesAreReducedButKeepTheirExtremes() throws {
        let values = (0..<20_000).map { index in index == 12_345 ? 50.0 : 1 + Double(index % 7) / 10 }
        let chart = LineChart(title: "Per step", series: [.init(name: "loss", values: values)])
        let svg = chart.svg()
        let path = try #require(svg.components(separatedBy: "<path d=\"").dropFirst().max { $0.count < $1.count })
        let points = path.prefix { $0 != "\"" }.split { $0 == "M" || $0 == "L" }
        #expect(points.count < 5_000)
        // The spike is the highest point of the chart, so its y is the smallest drawn.
        let frame = PlotFrame(width: 640, height: 400, title: "Per step", xTicks: chart.ticks().x, yTicks: chart.ticks().y,
                              hasXLabel: false, hasYLabel: false, rightArea: PlotFrame.legendWidth(["loss"]))
        let ys = points.compactMap { Double($0.split(separator: " ")[1]) }
        #expect(ys.min() == Double(SVGText.number(frame.y(50))))
        #expect(svg.utf8.count < 80_000)
    }

    @Test func lineChartMatchesGolden() throws {
        try golden.check(SampleCharts.losses.svg(description: "Reconstruction loss falls, KL rises"), against: "line-chart/expected.svg")
    }
}
