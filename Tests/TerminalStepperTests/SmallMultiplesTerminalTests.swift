import Figures
import Outputs
import TestSupport
import Testing
@testable import TerminalStepper

/// Small multiples in the terminal: panels of half blocks side by side, points as pixels in
/// their colors (or as `·` and `o` without colors), and one line for the legend and the scale.
@Suite struct SmallMultiplesTerminalTests {
    let chart = Chart.smallMultiples(SampleCharts.panels)

    @Test func withoutColorsMatchesGolden() throws {
        try golden.check(chart.terminalText(width: 60, height: 16, colors: .none), against: "small-multiples/expected.txt")
    }

    @Test func panelsStandSideBySideUnderTheirTitles() {
        let lines = chart.terminalText(width: 60, height: 16, colors: .none).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[0] == "GAN <ring> & \"points\"")
        #expect(lines[1].contains("step 0") && lines[1].contains("step 100"))
        #expect(lines.dropLast().last?.hasPrefix("· real  o generated") == true)
        #expect(lines.dropLast().last?.hasSuffix(" D(x)") == true)
        // The second panel's generated points sit right of its center; the first's at its center.
        let body = lines[2..<(lines.count - 2)]
        #expect(body.contains { $0.contains("o") })
    }

    @Test func inColorPointsArePixelsInTheirColors() {
        let text = chart.terminalText(width: 60, height: 16, colors: .trueColor)
        let vermillion = SmallMultiples.pointColor(1), dark = SmallMultiples.pointColor(0)
        #expect(text.contains("2;\(vermillion.red);\(vermillion.green);\(vermillion.blue)m"))
        #expect(text.contains("2;\(dark.red);\(dark.green);\(dark.blue)m"))
        #expect(text.contains("●\u{1B}[0m real") && text.contains("●\u{1B}[0m generated"))
    }

    @Test func narrowTerminalsGetOnePanelPerLine() {
        let text = chart.terminalText(width: 12, height: 30, colors: .none)
        let titleLines = text.split(separator: "\n").filter { $0.contains("step") }
        #expect(titleLines.count == 2)
        #expect(text.split(separator: "\n").dropFirst().dropLast().allSatisfy { $0.count <= 12 })
    }
}
