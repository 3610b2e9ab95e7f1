/// libFuzzer harness for the LaTeX converter: the input, read as UTF-8 (invalid bytes become
/// U+FFFD, as a lesson's text would after its encoding check), goes through the parser and both
/// renderers. Any input must give a formula or a `TeXError`, never a crash or a hang.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let latex = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    if let node = try? TeX.parse(latex) {
        _ = TeX.mathML(for: node, latex: latex, display: size % 2 == 0)
        _ = TeX.unicode(for: node)
    }
    return 0
}
