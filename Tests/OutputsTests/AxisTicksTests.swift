import Foundation
import Testing
@testable import Outputs

@Suite struct AxisTicksTests {
    @Test func knownRanges() {
        let ticks = AxisTicks.linear(minimum: 0, maximum: 97)
        #expect(ticks.values == [0, 20, 40, 60, 80, 100])
        #expect(ticks.labels == ["0", "20", "40", "60", "80", "100"])
        #expect(AxisTicks.linear(minimum: 0.013, maximum: 0.048, targetCount: 5).labels == ["0.01", "0.02", "0.03", "0.04", "0.05"])
        #expect(AxisTicks.linear(minimum: -2.7, maximum: 2.9).labels == ["-3", "-2", "-1", "0", "1", "2", "3"])
        #expect(AxisTicks.linear(minimum: 5, maximum: 5).labels == ["4.4", "4.6", "4.8", "5.0", "5.2", "5.4", "5.6"])
    }

    @Test(arguments: [(0.0, 1.0), (-3.2, 7.9), (241.3, 318.7), (1e-3, 5e-3), (0, 60_000), (-1e7, 1e7), (0.5, 0.5000001)])
    func ticksAreNiceAndCoverTheRange(minimum: Double, maximum: Double) {
        let ticks = AxisTicks.linear(minimum: minimum, maximum: maximum)
        #expect(ticks.values.count >= 2 && ticks.values.count <= 12)
        #expect(ticks.lower <= minimum && ticks.upper >= maximum)
        let step = ticks.values[1] - ticks.values[0]
        let mantissa = step / pow(10, log10(step).rounded(.down))
        // Tick values are multiples of the step, so their differences carry rounding error.
        #expect([1, 2, 5, 10].contains { abs(mantissa - $0) < 1e-6 }, "step \(step)")
        for (value, next) in zip(ticks.values, ticks.values.dropFirst()) { #expect(abs(next - value - step) < step * 1e-6) }
        #expect(Set(ticks.labels).count == ticks.labels.count, "labels distinguish the ticks: \(ticks.labels)")
    }

    @Test func logarithmicTicks() {
        #expect(AxisTicks.logarithmic(minimum: 0.002, maximum: 300).labels == ["0.01", "0.1", "1", "10", "100"])
        #expect(AxisTicks.logarithmic(minimum: 0.03, maximum: 3).labels == ["0.05", "0.1", "0.2", "0.5", "1", "2"])
        #expect(AxisTicks.logarithmic(minimum: 0, maximum: 0).values.count >= 2)
    }

    @Test func labelsAvoidNegativeZeroAndUseExponentsForExtremes() {
        #expect(AxisTicks.label(-0.0001, decimals: 1) == "0.0")
        #expect(AxisTicks.label(2_500_000, decimals: 0) == "2.5e6")
        #expect(AxisTicks.label(0.00001, decimals: 5) == "1e-5")
    }
}
