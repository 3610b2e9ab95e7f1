/// libFuzzer harness for a whole lesson: the input is the lesson file's bytes, so it reaches the
/// size and encoding checks, the front matter, cmark, the math scanner, fenced blocks, info
/// strings, includes and the cell parser.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    LessonFuzzSupport.parse(Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}
