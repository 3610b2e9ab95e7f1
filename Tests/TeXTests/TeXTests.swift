import Testing
@testable import TeX

@Test func moduleLinks() { _ = TeXModule.self }
