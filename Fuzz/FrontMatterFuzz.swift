/// libFuzzer harness for the front matter: the input is the YAML between the `---` fences of an
/// otherwise valid lesson, so it exercises Yams and the front matter's keys and types.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    var lesson = Array("---\n".utf8)
    lesson += UnsafeBufferPointer(start: data, count: size)
    lesson += Array("\n---\n\n# Fuzz\n\nSome text with $x^2$.\n".utf8)
    LessonFuzzSupport.parse(lesson)
    return 0
}
