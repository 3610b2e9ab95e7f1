/// A key press read from a terminal in raw mode.
public enum Key: Equatable, Sendable {
    case enter, space, tab, backspace, escape, delete
    case up, down, left, right, home, end, pageUp, pageDown
    /// A printable character: a letter, a digit, punctuation, any Unicode character.
    case character(Character)
    /// Control plus a letter, named by the lowercase letter: Ctrl-C is `.control("c")`.
    case control(Character)
    /// A byte sequence this decoder does not know, kept for diagnostics.
    case unknown([UInt8])

    /// Ctrl-C, which raw mode delivers as a key instead of a signal.
    public static let interrupt = Key.control("c")
}

/// Turns the bytes a terminal sends into keys.
public enum KeyDecoder {
    /// Decodes the first key at the start of `bytes` and how many bytes it used.
    ///
    /// Returns `nil` when the bytes are the start of a longer sequence that may still be
    /// arriving (a lone `ESC`, half an arrow sequence, part of a UTF-8 character). Pass
    /// `isComplete: true` once no more bytes are coming soon, and the prefix is decoded as it
    /// stands: a lone `ESC` is the Escape key.
    public static func decode(_ bytes: ArraySlice<UInt8>, isComplete: Bool) -> (key: Key, length: Int)? {
        guard let first = bytes.first else { return nil }
        switch first {
        case 0x0D, 0x0A: return (.enter, 1)
        case 0x09: return (.tab, 1)
        case 0x7F, 0x08: return (.backspace, 1)
        case 0x20: return (.space, 1)
        case 0x1B: return decodeEscape(bytes, isComplete: isComplete)
        case 0x00: return (.control("@"), 1)
        case 0x01...0x1A: return (.control(Character(Unicode.Scalar(first - 1 + 0x61))), 1)
        case 0x1C...0x1F: return (.unknown([first]), 1)
        case 0x21...0x7E: return (.character(Character(Unicode.Scalar(first))), 1)
        default: return decodeUTF8(bytes, isComplete: isComplete)
        }
    }

    private static func decodeEscape(_ bytes: ArraySlice<UInt8>, isComplete: Bool) -> (key: Key, length: Int)? {
        let start = bytes.startIndex
        guard bytes.count >= 2 else { return isComplete ? (.escape, 1) : nil }
        let introducer = bytes[start + 1]
        guard introducer == UInt8(ascii: "[") || introducer == UInt8(ascii: "O") else {
            // Escape followed by an ordinary key (Alt+key): report Escape and let the key follow.
            return (.escape, 1)
        }
        // A control sequence: parameter bytes, then one final byte in 0x40...0x7E.
        var index = start + 2
        while index < bytes.endIndex, (0x20...0x3F).contains(bytes[index]) { index += 1 }
        guard index < bytes.endIndex else {
            return isComplete ? (.unknown(Array(bytes)), bytes.count) : nil
        }
        let length = index - start + 1
        let parameters = String(decoding: bytes[(start + 2)..<index], as: UTF8.self)
        let key: Key = switch (Character(Unicode.Scalar(bytes[index])), parameters) {
        case ("A", _): .up
        case ("B", _): .down
        case ("C", _): .right
        case ("D", _): .left
        case ("H", _): .home
        case ("F", _): .end
        case ("~", "1"), ("~", "7"): .home
        case ("~", "4"), ("~", "8"): .end
        case ("~", "3"): .delete
        case ("~", "5"): .pageUp
        case ("~", "6"): .pageDown
        default: .unknown(Array(bytes[start..<(start + length)]))
        }
        return (key, length)
    }

    private static func decodeUTF8(_ bytes: ArraySlice<UInt8>, isComplete: Bool) -> (key: Key, length: Int)? {
        let first = bytes[bytes.startIndex]
        let expected = switch first {
        case 0xC2...0xDF: 2
        case 0xE0...0xEF: 3
        case 0xF0...0xF4: 4
        default: 0
        }
        guard expected > 0 else { return (.unknown([first]), 1) }
        guard bytes.count >= expected else {
            return isComplete ? (.unknown(Array(bytes)), bytes.count) : nil
        }
        let sequence = bytes.prefix(expected)
        var decoded = String.UnicodeScalarView()
        var decoder = UTF8()
        var iterator = sequence.makeIterator()
        guard case .scalarValue(let scalar) = decoder.decode(&iterator),
              sequence.dropFirst().allSatisfy({ $0 & 0xC0 == 0x80 }) else {
            return (.unknown([first]), 1)
        }
        decoded.append(scalar)
        return (.character(Character(String(decoded))), expected)
    }
}
