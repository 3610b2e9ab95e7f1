import Testing
@testable import SyntaxHighlighting
import TestSupport

/// Concatenating the tokens always gives back the input, whatever the input.
@Suite struct RoundTripTests {
    static let fragments = [
        "let", " ", "\n", "x", "Type", "f(", ")", "(", "label:", "\"", "\"\"\"", "#", "#\"", "\"#", "\\(", "\\#(",
        "\\", "//", "/*", "*/", "///", "/**", "@", "@main", "0x", "1_0", "1e", "-", ".", "..<", "`", "$0", "{", "}",
        "é", "\u{301}", "😀", "\t", "\r\n", "[", "]", ",", ":", "?", "!", "<", ">", "&", "\u{0}",
    ]

    @Test func randomFragmentsRoundTrip() {
        var generator = SplitMix64(seed: 11)
        for _ in 0..<5000 {
            let count = Int.random(in: 0...30, using: &generator)
            let source = (0..<count).map { _ in Self.fragments.randomElement(using: &generator)! }.joined()
            check(source)
        }
    }

    @Test func randomBytesRoundTrip() {
        var generator = SplitMix64(seed: 12)
        for _ in 0..<3000 {
            let bytes = (0..<Int.random(in: 0...64, using: &generator)).map { _ in UInt8.random(in: 0...255, using: &generator) }
            check(String(decoding: bytes, as: UTF8.self))
        }
    }

    @Test func deeplyNestedInterpolationsRoundTrip() {
        check(String(repeating: "\"\\(", count: 5000))
        check(String(repeating: "/*", count: 5000))
    }

    private func check(_ source: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let tokens = SwiftLexer.tokenize(source)
        let joined = tokens.map(\.text).joined()
        #expect(Array(joined.unicodeScalars) == Array(source.unicodeScalars), "\(source.debugDescription)", sourceLocation: sourceLocation)
        #expect(tokens.allSatisfy { !$0.text.isEmpty }, sourceLocation: sourceLocation)
    }
}
