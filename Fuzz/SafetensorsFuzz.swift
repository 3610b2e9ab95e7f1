import Foundation

/// libFuzzer harness for the safetensors reader: the input is the file's bytes. A file that
/// reads must serialize again and read back to the same tensors.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Data(bytes: data, count: size)
    guard let file = try? Safetensors(data: bytes, source: "fuzz.safetensors") else { return 0 }
    let again = try! Safetensors(data: file.serialized(), source: "reserialized")
    check(again.metadata == file.metadata)
    check(Set(again.tensors.keys) == Set(file.tensors.keys))
    for (name, tensor) in file.tensors {
        check(again.tensors[name]!.shape == tensor.shape)
    }
    return 0
}

/// Stops with `message` when `condition` fails; unlike `precondition`, the message survives `-O`,
/// so the fuzzer's log says which property broke.
func check(_ condition: Bool, _ message: @autoclosure () -> String = "a property of the decoded file broke") {
    if !condition { fatalError(message()) }
}
