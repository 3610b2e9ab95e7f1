import Testing
@testable import TerminalStepper
import TestSupport

@Suite struct KeyDecoderTests {
    static func keys(_ bytes: [UInt8]) -> [Key] {
        var keys: [Key] = []
        var rest = bytes[...]
        while !rest.isEmpty, let (key, length) = KeyDecoder.decode(rest, isComplete: true) {
            keys.append(key)
            rest = rest.dropFirst(length)
        }
        return keys
    }

    @Test func decodesTheStepperKeys() {
        #expect(Self.keys(Array("\r\n rsbnpqjk".utf8)) == [
            .enter, .enter, .space, .character("r"), .character("s"), .character("b"), .character("n"),
            .character("p"), .character("q"), .character("j"), .character("k"),
        ])
        #expect(Self.keys([0x03, 0x04, 0x7F, 0x09]) == [.interrupt, .control("d"), .backspace, .tab])
    }

    @Test func decodesArrowAndPagingSequences() {
        let bytes = Array("\u{1B}[A\u{1B}[B\u{1B}[C\u{1B}[D\u{1B}OA\u{1B}[5~\u{1B}[6~\u{1B}[H\u{1B}[4~\u{1B}[3~\u{1B}[1;5C".utf8)
        #expect(Self.keys(bytes) == [.up, .down, .right, .left, .up, .pageUp, .pageDown, .home, .end, .delete, .right])
    }

    @Test func waitsForTheRestOfASequence() {
        #expect(KeyDecoder.decode([0x1B][...], isComplete: false) == nil)
        #expect(KeyDecoder.decode([0x1B, 0x5B][...], isComplete: false) == nil)
        #expect(KeyDecoder.decode([0xC3][...], isComplete: false) == nil)
        #expect(KeyDecoder.decode([0x1B][...], isComplete: true)! == (Key.escape, 1))
        #expect(KeyDecoder.decode([0x1B, 0x5B][...], isComplete: true)! == (Key.unknown([0x1B, 0x5B]), 2))
        #expect(KeyDecoder.decode([0x1B, 0x71][...], isComplete: false)! == (Key.escape, 1))
    }

    @Test func decodesUTF8AndRejectsBadBytes() {
        #expect(Self.keys(Array("é日👍".utf8)) == [.character("é"), .character("日"), .character("👍")])
        #expect(Self.keys([0xFF, 0xC3, 0x28]) == [.unknown([0xFF]), .unknown([0xC3]), .character("(")])
    }

    @Test func randomBytesAlwaysMakeProgress() {
        var generator = SplitMix64(seed: 99)
        for _ in 0..<3000 {
            let bytes = (0..<16).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
            var rest = bytes[...]
            while !rest.isEmpty {
                let (_, length) = KeyDecoder.decode(rest, isComplete: true)!
                #expect(length > 0 && length <= rest.count)
                rest = rest.dropFirst(length)
            }
        }
    }
}
