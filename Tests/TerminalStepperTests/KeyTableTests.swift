import Testing
@testable import TerminalStepper

@Suite struct KeyTableTests {
    static func legend(_ mode: StepperMode) -> String {
        KeyTable.stepper.entries(in: mode).map { "\($0.keys) \($0.meaning)" }.joined(separator: "  ")
    }

    @Test func theLegendListsTheKeysOfEachMode() {
        #expect(Self.legend(.cell(done: false)) == "⏎ run  r rerun fresh  s skip  b back  n/p page  ↑↓ scroll  q quit")
        #expect(Self.legend(.cell(done: true)) == "⏎ next  r rerun fresh  s skip  b back  n/p page  ↑↓ scroll  q quit")
        #expect(Self.legend(.end) == "b back  n/p page  ↑↓ scroll  q quit")
        #expect(Self.legend(.running) == "Ctrl-C stop the cell  ↑↓ scroll  q stop and quit")
        #expect(Self.legend(.waiting) == "Ctrl-C cancel the wait  ↑↓ scroll  q quit")
        #expect(KeyTable.stepper.legend(in: .end, width: 12).width <= 12)
    }

    @Test func keysDoWhatTheLegendSays() {
        let table = KeyTable.stepper
        #expect(table.action(for: .enter, in: .cell(done: false)) == .runOrNext)
        #expect(table.action(for: .space, in: .end) == .runOrNext, "says it is the end")
        #expect(table.action(for: .character("r"), in: .cell(done: true)) == .rerunFresh)
        #expect(table.action(for: .character("r"), in: .end) == nil)
        #expect(table.action(for: .character("s"), in: .cell(done: false)) == .skip)
        #expect(table.action(for: .character("b"), in: .end) == .back)
        #expect(table.action(for: .character("b"), in: .running) == nil)
        #expect(table.action(for: .enter, in: .running) == nil)
        #expect(table.action(for: .interrupt, in: .running) == .interrupt)
        #expect(table.action(for: .interrupt, in: .waiting) == .interrupt)
        #expect(table.action(for: .interrupt, in: .cell(done: false)) == .quit)
        #expect(table.action(for: .character("q"), in: .running) == .quit)
        for mode in [StepperMode.running, .waiting, .cell(done: false), .end] {
            #expect(table.action(for: .character("n"), in: mode) == .scroll(.pageDown))
            #expect(table.action(for: .pageUp, in: mode) == .scroll(.pageUp))
            #expect(table.action(for: .character("k"), in: mode) == .scroll(.lineUp))
            #expect(table.action(for: .down, in: mode) == .scroll(.lineDown))
            #expect(table.action(for: .character("g"), in: mode) == .scroll(.top))
            #expect(table.action(for: .end, in: mode) == .scroll(.bottom))
            #expect(table.action(for: .character("x"), in: mode) == nil)
        }
    }
}
