import Testing
@testable import TerminalStepper

@Test func moduleLinks() { _ = TerminalStepperModule.self }
