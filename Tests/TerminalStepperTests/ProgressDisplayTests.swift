import Outputs
import Testing
@testable import TerminalStepper

/// The progress lines under a running cell.
struct ProgressDisplayTests {
    private let progress = TrainingProgress(
        epoch: 2, epochs: 4, step: 5, stepsPerEpoch: 10,
        metrics: [.init("reconstruction", 243.87), .init("KL", 0.123456)], samplesPerSecond: 12_345.6, elapsedSeconds: 15)

    @Test func showsEpochStepBarMetricsSpeedAndETA() {
        let lines = ProgressDisplay(cellID: "train", trainingCellID: "train", progress: progress, elapsedSeconds: 15, expectedSeconds: nil, stopping: false)
            .lines(width: 120).map(\.plainText)
        #expect(lines[0].hasPrefix("▶ running train  epoch 2/4  step 5/10  "))
        #expect(lines[0].hasSuffix(" 37%"))
        #expect(lines[1] == "reconstruction 243.9  KL 0.1235  ·  12,346 samples/s  ·  0:15 elapsed, ETA 0:25  ·  Ctrl-C stops the cell")
    }

    @Test func theETAComesFromThePreviousRunWhenKnown() {
        let display = ProgressDisplay(cellID: "train", trainingCellID: "train", progress: progress, elapsedSeconds: 15, expectedSeconds: 100, stopping: false)
        #expect(display.secondsRemaining == 85)
        let waiting = ProgressDisplay(cellID: "train", progress: nil, elapsedSeconds: 2, expectedSeconds: 65, stopping: true)
        let lines = waiting.lines(width: 80).map(\.plainText)
        #expect(lines[0].hasPrefix("■ stopping train"))
        #expect(lines[1] == "  ·  0:02 elapsed, ETA 1:03")
    }

    @Test func aCellNeededFirstIsNamedWhileItTrains() {
        let lines = ProgressDisplay(cellID: "samples", trainingCellID: "train", progress: progress, elapsedSeconds: 15, expectedSeconds: nil, stopping: false)
            .lines(width: 120).map(\.plainText)
        #expect(lines[0].hasPrefix("▶ running samples · training train first  epoch 2/4  step 5/10  "))
    }

    @Test func aWaitSaysForWhatAndThatCtrlCCancelsItEvenWhenCut() {
        let display = ProgressDisplay(cellID: "train", waitingFor: "process 4242 (course build)", progress: nil,
                                      elapsedSeconds: 5, expectedSeconds: nil, stopping: false)
        let wide = display.lines(width: 120).map(\.plainText)
        #expect(wide[0].dropFirst(2) == "waiting for process 4242 (course build), which is running cells of this course…  ·  Ctrl-C cancels")
        #expect(wide[1] == "train runs when it is done  ·  0:05 waited")
        let narrow = display.lines(width: 60).map(\.plainText)
        #expect(narrow[0].count == 60 && narrow[0].hasSuffix("…  ·  Ctrl-C cancels"), "\(narrow[0])")
    }

    /// `course run` writes its per-epoch lines and its live bar as the stepper does.
    @Test func epochAndLiveLinesUseTheSameNumbers() {
        #expect(ProgressText.epochLine(progress) == "  epoch 2/4: reconstruction 243.9  KL 0.1235")
        #expect(PlainPrinter.epochLine(progress) == ProgressText.epochLine(progress) + "\n")
        #expect(ProgressText.liveLine(cellID: "train", progress, barWidth: 8)
                == "  train ███░░░░░ 37%  epoch 2/4  step 5/10  reconstruction 243.9  KL 0.1235  ·  12,346 samples/s  ·  ETA 0:25")
    }

    @Test func barsFillInEighths() {
        #expect(ProgressText.bar(fraction: 0, width: 4) == "░░░░")
        #expect(ProgressText.bar(fraction: 0.5, width: 4) == "██░░")
        #expect(ProgressText.bar(fraction: 1.0 / 32, width: 4) == "▏░░░")
        #expect(ProgressText.bar(fraction: 1, width: 4) == "████")
    }

    @Test func clockAndNumbers() {
        #expect(ProgressText.clock(5) == "0:05")
        #expect(ProgressText.clock(3725) == "1:02:05")
        #expect(ProgressText.number(0.5) == "0.5000")
        #expect(ProgressText.number(-3) == "-3.000")
        #expect(ProgressText.number(.nan) == "nan")
        #expect(ProgressText.grouped(1_234_567) == "1,234,567")
    }
}
