import Figures
import Foundation
import Outputs

/// How far a rerun output is from the cached one, measured in the output's own terms: pixel
/// intensities for an image grid, the plotted numbers for a chart, the values of metrics, the
/// numbers in a table or a text.
public enum OutputDifference: Sendable, Equatable, CustomStringConvertible {
    /// Image grids of the same shape: the largest and the mean absolute difference of a pixel,
    /// as fractions of full intensity (1 is black against white).
    case pixels(largest: Double, mean: Double)
    /// Numbers in the same places: the largest relative difference, and where it is.
    case values(largestRelative: Double, at: String)
    /// A difference no number measures: another shape of data, another label, another text.
    case structure(String)

    /// The size that a tolerance is compared with: infinite for a difference of structure.
    public var size: Double {
        switch self {
        case .pixels(let largest, _): largest
        case .values(let largest, _): largest
        case .structure: .infinity
        }
    }

    public var description: String {
        switch self {
        case .pixels(let largest, let mean):
            "largest pixel difference \(Self.format(largest)) (\(Int((largest * 255).rounded())) of 255 levels), mean \(Self.format(mean))"
        case .values(let largest, let place):
            "largest relative difference \(Self.format(largest)), in \(place)"
        case .structure(let what):
            what
        }
    }

    /// `0`, `3.1e-05` or `0.25`: three significant digits, never a long tail of zeros.
    public static func format(_ number: Double) -> String {
        number.isFinite ? String(format: "%.3g", number) : number.isNaN ? "nan" : "inf"
    }

    /// The difference between a rerun output and the cached one; nil when they are the same bytes.
    static func between(_ new: DisplayItem, _ old: DisplayItem) -> OutputDifference? {
        if new.canonicalBytes == old.canonicalBytes { return nil }
        let measured: OutputDifference
        switch (new, old) {
        case (.imageGrid(let a, _, _), .imageGrid(let b, _, _)):
            measured = images(a, b)
        case (.chart(let a, _, _), .chart(let b, _, _)):
            measured = charts(a, b)
        case (.metrics(let a), .metrics(let b)):
            guard a.map(\.name) == b.map(\.name) else {
                return .structure("the metrics are \(quotedList(a.map(\.name))), cached \(quotedList(b.map(\.name)))")
            }
            var numbers = NumberComparison()
            for (x, y) in zip(a, b) { numbers.compare([x.value], [y.value], at: "'\(x.name)' (\(x.formattedValue), cached \(y.formattedValue))") }
            measured = numbers.result
        case (.latentExplorer(let a, _, _), .latentExplorer(let b, _, _)):
            measured = explorers(a, b)
        case (.table(let a), .table(let b)):
            measured = tables(a, b)
        case (.text(let a), .text(let b)):
            measured = numbersInText(a, b, what: "the text")
        default:
            return .structure("a \(Verifier.kind(of: new)), cached a \(Verifier.kind(of: old))")
        }
        // The same data under another caption or alt text: a text that the data does not explain.
        if measured.size == 0 { return .structure("the same data under another caption, alt text or label") }
        return measured
    }

    private static func images(_ a: ImageGrid, _ b: ImageGrid) -> OutputDifference {
        guard a.count == b.count, a.imageRows == b.imageRows, a.imageColumns == b.imageColumns, a.pixels.count == b.pixels.count else {
            return .structure("\(a.count) images of \(a.imageRows)×\(a.imageColumns), cached \(b.count) of \(b.imageRows)×\(b.imageColumns)")
        }
        guard a.labels == b.labels else { return .structure("the image labels differ") }
        guard a.gridColumns == b.gridColumns, a.padding == b.padding, a.scale == b.scale else {
            return .structure("the grid's layout differs")
        }
        var largest = 0.0, total = 0.0
        for (x, y) in zip(a.pixels, b.pixels) {
            // A NaN pixel is drawn as black: count it as the full range against anything else.
            let difference = x.isNaN || y.isNaN ? (x.isNaN && y.isNaN ? 0 : 1) : min(1, Double(abs(x - y)))
            largest = max(largest, difference)
            total += difference
        }
        return .pixels(largest: largest, mean: a.pixels.isEmpty ? 0 : total / Double(a.pixels.count))
    }

    private static func charts(_ a: Chart, _ b: Chart) -> OutputDifference {
        guard a.title == b.title else { return .structure("the chart's title is \"\(a.title)\", cached \"\(b.title)\"") }
        var numbers = NumberComparison()
        switch (a, b) {
        case (.line(let x), .line(let y)):
            guard x.series.map(\.name) == y.series.map(\.name) else {
                return .structure("the series are \(quotedList(x.series.map(\.name))), cached \(quotedList(y.series.map(\.name)))")
            }
            for (s, t) in zip(x.series, y.series) {
                guard s.x.count == t.x.count, s.y.count == t.y.count else {
                    return .structure("series '\(s.name)' has \(s.y.count) points, cached \(t.y.count)")
                }
                numbers.compare(s.x, t.x, at: "the x values of series '\(s.name)'")
                numbers.compare(s.y, t.y, at: "series '\(s.name)'")
            }
        case (.scatter(let x), .scatter(let y)):
            guard x.x.count == y.x.count else { return .structure("\(x.x.count) points, cached \(y.x.count)") }
            guard x.classes == y.classes else { return .structure("the points' classes differ") }
            numbers.compare(x.x, y.x, at: "the points' x")
            numbers.compare(x.y, y.y, at: "the points' y")
        case (.bar(let x), .bar(let y)):
            guard x.categories == y.categories else { return .structure("the bars are \(quotedList(x.categories)), cached \(quotedList(y.categories))") }
            numbers.compare(x.values, y.values, at: "the bars")
        case (.heatMap(let x), .heatMap(let y)):
            guard x.rows == y.rows, x.columns == y.columns, x.xRange == y.xRange, x.yRange == y.yRange else {
                return .structure("a \(x.rows)×\(x.columns) grid, cached \(y.rows)×\(y.columns), or other axes")
            }
            numbers.compare(x.values, y.values, at: "the heat map's values")
        case (.smallMultiples(let x), .smallMultiples(let y)):
            guard x.panels.map(\.title) == y.panels.map(\.title), x.rows == y.rows, x.columns == y.columns,
                  x.pointSetNames == y.pointSetNames, x.xRange == y.xRange, x.yRange == y.yRange else {
                return .structure("panels \(quotedList(x.panels.map(\.title))) on a \(x.rows)×\(x.columns) grid, cached \(quotedList(y.panels.map(\.title))) on \(y.rows)×\(y.columns), or other points or axes")
            }
            for (p, q) in zip(x.panels, y.panels) {
                numbers.compare(p.values, q.values, at: "the heat map of panel '\(p.title)'")
                for (name, (s, t)) in zip(x.pointSetNames, zip(p.pointSets, q.pointSets)) {
                    guard s.x.count == t.x.count else { return .structure("panel '\(p.title)' has \(s.x.count) \(name) points, cached \(t.x.count)") }
                    numbers.compare(s.x, t.x, at: "the x of the \(name) points in panel '\(p.title)'")
                    numbers.compare(s.y, t.y, at: "the y of the \(name) points in panel '\(p.title)'")
                }
            }
        default:
            return .structure("another kind of chart")
        }
        return numbers.result
    }

    /// Explorers of the same shape compare by their numbers: the decoder's weights and the codes.
    private static func explorers(_ a: LatentExplorer, _ b: LatentExplorer) -> OutputDifference {
        guard a.decoder.map(\.kind) == b.decoder.map(\.kind), a.architecture == b.architecture else {
            return .structure("a decoder \(a.architecture), cached \(b.architecture)")
        }
        guard a.classes == b.classes, a.classNames == b.classNames, a.interpolationEnds == b.interpolationEnds else {
            return .structure("the explorer's images differ")
        }
        var numbers = NumberComparison()
        for (position, (x, y)) in zip(a.decoder, b.decoder).enumerated() {
            switch (x, y) {
            case (.linear(_, _, let u, let c), .linear(_, _, let v, let d)):
                numbers.compare(u.map(Double.init), v.map(Double.init), at: "the weights of the decoder's layer \(position + 1)")
                numbers.compare(c.map(Double.init), d.map(Double.init), at: "the biases of the decoder's layer \(position + 1)")
            case (.leakyReLU(let s), .leakyReLU(let t)):
                numbers.compare([Double(s)], [Double(t)], at: "the slope of the decoder's layer \(position + 1)")
            default:
                break
            }
        }
        numbers.compare(a.codes.map(Double.init), b.codes.map(Double.init), at: "the explorer's codes")
        numbers.compare(a.endImages.map(Double.init), b.endImages.map(Double.init), at: "the interpolation's end images")
        return numbers.result
    }

    private static func tables(_ a: Table, _ b: Table) -> OutputDifference {
        guard a.header == b.header else { return .structure("the table's columns are \(quotedList(a.header)), cached \(quotedList(b.header))") }
        guard a.rows.count == b.rows.count else { return .structure("\(a.rows.count) rows, cached \(b.rows.count)") }
        var numbers = NumberComparison()
        for (row, (r, s)) in zip(a.rows, b.rows).enumerated() {
            guard r.count == s.count else { return .structure("row \(row + 1) has \(r.count) cells, cached \(s.count)") }
            for (column, (x, y)) in zip(r, s).enumerated() where x != y {
                let place = "row \(row + 1), column '\(column < a.header.count ? a.header[column] : String(column + 1))' (\(x), cached \(y))"
                guard let u = Double(x), let v = Double(y) else { return .structure("\(place)") }
                numbers.compare([u], [v], at: place)
            }
        }
        return numbers.result
    }

    /// Texts that read the same but for their numbers compare by those numbers.
    private static func numbersInText(_ a: String, _ b: String, what: String) -> OutputDifference {
        let pattern = /-?[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)?/
        let wordsA = a.replacing(pattern, with: "#"), wordsB = b.replacing(pattern, with: "#")
        guard wordsA == wordsB else { return .structure("\(what) differs in its words, not only its numbers") }
        let x = a.matches(of: pattern).compactMap { Double(a[$0.range]) }
        let y = b.matches(of: pattern).compactMap { Double(b[$0.range]) }
        guard x.count == y.count else { return .structure("\(what) differs") }
        var numbers = NumberComparison()
        numbers.compare(x, y, at: "the numbers of \(what)")
        return numbers.result
    }

    private static func quotedList(_ names: [String]) -> String {
        names.map { "'\($0)'" }.joined(separator: ", ")
    }
}

/// The largest relative difference over several lists of numbers, and the list it is in.
///
/// Each difference is relative to the larger of the two numbers, but never to less than a
/// thousandth of the largest number in its list: near zero, a loss curve's last digits would
/// otherwise count as large relative changes that no reader of the chart could see.
private struct NumberComparison {
    var largest = 0.0
    var place = ""

    mutating func compare(_ new: [Double], _ old: [Double], at place: String) {
        let scale = (new + old).filter(\.isFinite).map(abs).max() ?? 0
        for (x, y) in zip(new, old) where x != y && !(x.isNaN && y.isNaN) {
            let difference = x.isFinite && y.isFinite ? abs(x - y) / max(abs(x), abs(y), scale / 1000) : .infinity
            if difference > largest {
                largest = difference
                self.place = place
            }
        }
    }

    var result: OutputDifference { .values(largestRelative: largest, at: place.isEmpty ? "no number" : place) }
}
