import Testing
@testable import Figures

@Test func moduleLinks() { _ = FiguresModule.self }
