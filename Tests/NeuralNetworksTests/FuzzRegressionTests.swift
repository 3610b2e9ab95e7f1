import Foundation
import Testing
@testable import NeuralNetworks

/// Inputs the fuzzers in `Fuzz/` found, with the behavior they must keep now that the bug is fixed.
@Suite struct FuzzRegressionTests {
    /// The fuzzer's file, with a tensor of shape [4611686018427387904.121, 1]: the element count
    /// fits in an `Int` but its size in bytes (four times more) overflowed and trapped.
    @Test func byteCountPastIntMaxIsAnError() throws {
        let base64 = "kAAAAAAAAAB7Il9fbXRlYTQiOnsiZHR5cGUiOiJGMzIiLCJzaGFwZSI6WzJdLCJkYXRhX29mZnNldHMiOlswLDhdfSwiYiI6eyJkdHlwZSI6IkYzMiIsInNoYXBlIjpbNDYxMTY4NjAxODQyNzM4NzkwNC4xMjEsMV0sImRhdGFfb2Zmc2V0cyI6WzgsMTJdfX0gICAgICAsIlx1ZDgwMCJAQA=="
        let data = try #require(Data(base64Encoded: base64))
        #expect(throws: SafetensorsError.self) { try Safetensors(data: data, source: "fuzz.safetensors") }
    }

    /// The same overflow in its plainest form, with the error it now gives.
    @Test func hugeShapeIsAnErrorNamingTheTensor() throws {
        var header = Array(#"{"x":{"dtype":"F32","shape":[4611686018427387904],"data_offsets":[0,0]}}"#.utf8)
        while header.count % 8 != 0 { header.append(UInt8(ascii: " ")) }
        let data = Data(withUnsafeBytes(of: UInt64(header.count).littleEndian, Array.init) + header)
        #expect(throws: SafetensorsError(file: "huge", message: "tensor 'x': data_offsets [0, 0] do not hold shape [4611686018427387904] of F32")) {
            try Safetensors(data: data, source: "huge")
        }
    }
}
