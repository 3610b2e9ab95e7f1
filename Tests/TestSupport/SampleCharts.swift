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

    public static let all: [Chart] = [.line(losses), .scatter(scatter), .bar(counts), .heatMap(density),
                               .line(LineChart(title: "Log", series: [.init(name: "g", values: [100, 10, 1, 0, -1, .nan, 0.1])], logarithmicY: true)),
                               .bar(BarChart.histogram(of: [0.1, 0.2, 0.2, 0.9, .nan], binCount: 4, title: "Histogram"))]
}
