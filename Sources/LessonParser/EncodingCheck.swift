import LessonModel

/// Rejects input that is not UTF-8 text before anything else reads it.
///
/// Control characters other than tab, line feed and carriage return are rejected too: they have
/// no place in a lesson, and the math scanner uses a few of them as private markers. A carriage
/// return must end a line before its line feed: cmark takes a lone one for a line break, the
/// line table does not, and their line numbers would disagree from there on.
enum EncodingCheck {
    /// A located error for the first invalid byte, or nil when the bytes are clean UTF-8 text.
    static func firstProblem(in bytes: [UInt8], path: String) -> Diagnostic? {
        var line = 1, lineStart = 0, offset = 0
        func here() -> SourceLocation { SourceLocation(file: path, line: line, column: offset - lineStart + 1) }
        while offset < bytes.count {
            let byte = bytes[offset]
            if byte < 0x80 {
                if byte == UInt8(ascii: "\n") {
                    line += 1
                    lineStart = offset + 1
                } else if byte == UInt8(ascii: "\r"), offset + 1 == bytes.count || bytes[offset + 1] != UInt8(ascii: "\n") {
                    return .error(
                        at: here(), "carriage return without a line feed",
                        hint: "save the file with LF or CRLF line endings")
                } else if byte < 0x20 && byte != UInt8(ascii: "\t") && byte != UInt8(ascii: "\r") || byte == 0x7F {
                    return .error(
                        at: here(), "control character U+00\(hex(byte)) is not allowed in a lesson",
                        hint: "delete it; lessons are plain UTF-8 text")
                }
                offset += 1
                continue
            }
            let length = sequenceLength(bytes, at: offset)
            if length == 0 {
                return .error(
                    at: here(), "invalid UTF-8 byte 0x\(hex(bytes[offset]))",
                    hint: "lessons must be UTF-8; convert the file, e.g. with 'iconv -t UTF-8'")
            }
            offset += length
        }
        return nil
    }

    /// The length of the well-formed UTF-8 sequence starting at `offset`, or 0 if it is malformed
    /// (overlong forms, surrogates and values above U+10FFFF included).
    private static func sequenceLength(_ bytes: [UInt8], at offset: Int) -> Int {
        let lead = bytes[offset]
        let length: Int
        var lowest: UInt8 = 0x80, highest: UInt8 = 0xBF
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; lowest = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; highest = 0x9F
        case 0xF0: length = 4; lowest = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; highest = 0x8F
        default: return 0
        }
        guard offset + length <= bytes.count else { return 0 }
        guard (lowest...highest).contains(bytes[offset + 1]) else { return 0 }
        for index in (offset + 2)..<(offset + length) where !(0x80...0xBF).contains(bytes[index]) {
            return 0
        }
        return length
    }

    private static func hex(_ byte: UInt8) -> String {
        let digits = String(byte, radix: 16, uppercase: true)
        return byte < 0x10 ? "0" + digits : digits
    }
}
