import TestSupport
import Testing
@testable import Outputs

/// Display items' stable byte form: what the cache stores and `verify` compares.
@Suite struct DisplayItemTests {
    @Test(arguments: [
        DisplayItem.text("héllo\n"),
        .table(Table(header: ["a"], rows: [["1"]])),
        .metrics([Metric(name: "loss", value: .nan), Metric(name: "x", value: -.infinity, unit: "s"), Metric(name: "y", value: 0.1)]),
        .imageGrid(ImageGrid(pixels: [0.1, 0.7, .pi / 4, 1], imageRows: 1, imageColumns: 2, labels: ["a", "b"]), caption: "c", altText: "a"),
        .chart(.scatter(SampleCharts.scatter), caption: "codes", altText: "clusters"),
        .chart(.heatMap(SampleCharts.density), caption: "density", altText: "a bump"),
        .chart(.smallMultiples(SampleCharts.panels), caption: "panels", altText: "points move"),
    ])
    func canonicalBytesRoundTripBitForBit(item: DisplayItem) throws {
        let bytes = item.canonicalBytes
        let decoded = try DisplayItem(canonicalBytes: bytes)
        #expect(decoded.canonicalBytes == bytes)
        #expect(decoded.contentHash == item.contentHash)
        #expect(item.contentHash.count == 16)
        if case .metrics = item {} else { #expect(decoded == item) }  // NaN is never equal to itself
    }

    @Test func contentHashTellsItemsApart() {
        #expect(DisplayItem.text("a").contentHash != DisplayItem.text("b").contentHash)
        #expect(DisplayItem.metrics([Metric(name: "x", value: 0.1)]).contentHash
                != DisplayItem.metrics([Metric(name: "x", value: 0.1.nextUp)]).contentHash)
    }
}
