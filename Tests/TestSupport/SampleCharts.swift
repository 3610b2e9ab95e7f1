import Foundation
import Outputs

/// Small charts with fixed data, shared by the tests of the values, their SVG and their terminal forms.
public enum SampleCharts {
    public static let names = ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"]

    public static let losses = LineChart(title: "Loss per epoch", xLabel: "epoch", yLabel: "loss (nats)", series: [
        .init(name: "reconstruction", values: [300, 270, 260, 255, 252, 250]),
        .init(name: "KL <divergence> & \"more\"", values: [15, 17, 18, 18.5, 18.8, 19]),
    ])

    public static let scatter: ScatterPlot = {
        var x: [Double] = [], y: [Double] = [], classes: [Int] = []
        for index in 0..<10_000 {
            let angle = Double(index) * 0.618_034 * 2 * .pi
            let radius = Double(index % 97) / 32
            x.append(radius * cos(angle))
            y.append(radius * sin(angle))
            classes.append(index % 10)
        }
        return ScatterPlot(title: "Codes", xLabel: "z₁", yLabel: "z₂", x: x, y: y, classes: classes, classNames: names)
    }()

    public static let counts = BarChart.counts(of: (0..<1000).map { $0 * 7 % 10 }, classNames: names, title: "Generated images per class")

    public static let density: HeatMap = {
        var values: [Double] = []
        for row in 0..<20 {
            for column in 0..<30 {
                let x = -3 + 6 * Double(column) / 29, y = -2 + 4 * Double(row) / 19
                values.append(exp(-(x * x + y * y)))
            }
        }
        return HeatMap(title: "Density", xLabel: "z₁", yLabel: "z₂", valueLabel: "p(z)", values: values, rows: 20, columns: 30,
                       xRange: -3...3, yRange: -2...2)
    }()

    /// Two panels of a 6 × 8 grid over [-2, 2] × [-1.5, 1.5]: a ramp of values from left to
    /// right, then from bottom to top; real points on a circle, generated ones at its center and
    /// then on its right half, with one point outside the panels.
    public static let panels: SmallMultiples = {
        let rows = 6, columns = 8
        let ramp = (0..<rows).flatMap { _ in (0..<columns).map { Double($0) / Double(columns - 1) } }
        let rise = (0..<rows).flatMap { row in Array(repeating: Double(row) / Double(rows - 1), count: columns) }
        let angles = (0..<12).map { Double($0) * .pi / 6 }
        let real = SmallMultiples.PointSet(x: angles.map { cos($0) }, y: angles.map { sin($0) })
        return SmallMultiples(
            title: "GAN <ring> & \"points\"", xLabel: "x₁", yLabel: "x₂", valueLabel: "D(x)", valueRange: 0...1,
            pointSetNames: ["real", "generated"], rows: rows, columns: columns, xRange: -2...2, yRange: -1.5...1.5,
            panels: [
                .init(title: "step 0", values: ramp, pointSets: [real, .init(x: [0, 0.1, -0.1], y: [0, 0.1, 0.1])]),
                .init(title: "step 100", values: rise, pointSets: [real, .init(x: [1, 0.87, 0.87, 5], y: [0, 0.5, -0.5, 0])]),
            ], panelsPerRow: 2, width: 480)
    }()

    public static let all: [Chart] = [.line(losses), .scatter(scatter), .bar(counts), .heatMap(density), .smallMultiples(panels),
                               .line(LineChart(title: "Log", series: [.init(name: "g", values: [100, 10, 1, 0, -1, .nan, 0.1])], logarithmicY: true)),
                               .bar(BarChart.histogram(of: [0.1, 0.2, 0.2, 0.9, .nan], binCount: 4, title: "Histogram"))]
}
