import LessonModel

/// What the raw source says about a code block that cmark parsed: whether it is fenced, where
/// its info string is, whether its closing fence exists, and where its body lines are.
struct FencedCodeBlock {
    /// The info string's bytes and the file column of its first byte.
    var info: ArraySlice<UInt8>
    var infoColumn: Int
    /// The file column of the fence's first character.
    var fenceColumn: Int
    /// Whether a closing fence ends the block (cmark silently closes it at the end of the document).
    var isClosed: Bool
    /// The file lines between the fences.
    var bodyLines: ClosedRange<Int>?

    /// Reads the fence of `node`, or returns nil for an indented code block.
    init?(_ node: MarkdownNode, source: LessonSource) {
        let line = source.byteRange(ofLine: node.startLine)
        var index = min(line.upperBound, line.lowerBound + max(0, node.startColumn - 1))
        while index < line.upperBound, source.bytes[index] == UInt8(ascii: " ") { index += 1 }
        guard index < line.upperBound else { return nil }
        let fence = source.bytes[index]
        guard fence == UInt8(ascii: "`") || fence == UInt8(ascii: "~") else { return nil }
        let fenceStart = index
        fenceColumn = index - line.lowerBound + 1
        while index < line.upperBound, source.bytes[index] == fence { index += 1 }
        let fenceLength = index - fenceStart
        guard fenceLength >= 3 else { return nil }
        while index < line.upperBound, source.bytes[index] == UInt8(ascii: " ") || source.bytes[index] == UInt8(ascii: "\t") {
            index += 1
        }
        var infoEnd = line.upperBound
        while infoEnd > index, source.bytes[infoEnd - 1] == UInt8(ascii: " ") || source.bytes[infoEnd - 1] == UInt8(ascii: "\t") {
            infoEnd -= 1
        }
        info = source.bytes[index..<infoEnd]
        infoColumn = index - line.lowerBound + 1

        isClosed = node.endLine > node.startLine
            && Self.isClosingFence(source.bytes(ofLine: node.endLine), fence: fence, length: fenceLength)
        let lastBodyLine = isClosed ? node.endLine - 1 : node.endLine
        bodyLines = lastBodyLine > node.startLine ? (node.startLine + 1)...lastBodyLine : nil
    }

    /// Whether a line (after any container prefix) is a run of at least `length` fence characters.
    private static func isClosingFence(_ line: ArraySlice<UInt8>, fence: UInt8, length: Int) -> Bool {
        let content = line.drop { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") || $0 == UInt8(ascii: ">") }
        let run = content.prefix { $0 == fence }.count
        return run >= length && content.dropFirst(run).allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
    }
}
