import Testing
@testable import SyntaxHighlighting

@Test func moduleLinks() { _ = SyntaxHighlightingModule.self }
