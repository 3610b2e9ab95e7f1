/// libFuzzer harness for one cell: the input's first line is appended to the `swift cell` info
/// string (attributes), the rest is the cell's body. The lesson around it is valid, and the fence
/// is longer than any backtick run in the input, so the whole input stays inside the cell.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let input = UnsafeBufferPointer(start: data, count: size)
    let newline = input.firstIndex(of: UInt8(ascii: "\n")) ?? size
    let attributes = input[..<newline], body = input[min(size, newline + 1)...]

    var longestRun = 0, run = 0
    for byte in input {
        run = byte == UInt8(ascii: "`") ? run + 1 : 0
        longestRun = max(longestRun, run)
    }
    let fence = Array(repeating: UInt8(ascii: "`"), count: max(3, longestRun + 1))

    var lesson = Array("---\ntitle: Fuzz\nsummary: One cell.\n---\n\n# Fuzz\n\n".utf8)
    lesson += fence + Array("swift cell ".utf8) + attributes + [UInt8(ascii: "\n")]
    lesson += body
    if body.last != UInt8(ascii: "\n") { lesson.append(UInt8(ascii: "\n")) }
    lesson += fence + [UInt8(ascii: "\n")]
    LessonFuzzSupport.parse(lesson)
    return 0
}
