import Foundation
import Testing
import Tensors
import TestSupport
@testable import NeuralNetworks

@Suite struct SafetensorsTests {
    func sample() -> Safetensors {
        Safetensors(tensors: [
            "fc1.weight": Tensor(shape: [2, 3], values: [1, 2, 3, 4, 5, -6.5]),
            "fc1.bias": Tensor(shape: [2], values: [0.25, -1e-3]),
        ], metadata: ["format": "course-1", "quote": "a \"b\""])
    }

    @Test func roundTrip() throws {
        let bytes = sample().serialized()
        let read = try Safetensors(data: bytes, source: "memory")
        #expect(read.tensors == sample().tensors)
        #expect(read.metadata == sample().metadata)
        #expect(read.serialized() == bytes)
    }

    /// The published layout, byte by byte: a u64 header length, JSON padded to 8, raw data.
    @Test func layoutFollowsTheFormat() throws {
        let bytes = [UInt8](Safetensors(tensors: ["x": Tensor(shape: [1], values: [1])]).serialized())
        let headerLength = Int(bytes[0]) | Int(bytes[1]) << 8
        #expect(bytes[2..<8].allSatisfy { $0 == 0 })
        #expect(headerLength % 8 == 0)
        let header = String(decoding: bytes[8..<(8 + headerLength)], as: UTF8.self)
        #expect(header.trimmingCharacters(in: .whitespaces) == #"{"x":{"dtype":"F32","shape":[1],"data_offsets":[0,4]}}"#)
        #expect(Array(bytes[(8 + headerLength)...]) == [0x00, 0x00, 0x80, 0x3F])
    }

    @Test func numpyReadsWhatWeWrite() throws {
        let directory = try TemporaryFolder("safetensors")
        defer { directory.remove() }
        let file = directory.url("model.safetensors")
        try sample().write(to: file)
        // An independent reader: the format parsed from its specification with json + NumPy.
        let script = """
        import json, struct, sys, numpy as np
        raw = open(sys.argv[1], 'rb').read()
        n, = struct.unpack('<Q', raw[:8])
        header = json.loads(raw[8:8 + n])
        meta = header.pop('__metadata__', {})
        data = raw[8 + n:]
        for name in sorted(header):
            e = header[name]; b, t = e['data_offsets']
            a = np.frombuffer(data[b:t], dtype='<f4').reshape(e['shape'])
            print(name, list(a.shape), ' '.join(repr(float(v)) for v in a.ravel()))
        print('meta', meta['format'])
        """
        let output = try runPython(script, arguments: [file.path])
        #expect(output == """
        fc1.bias [2] 0.25 -0.0010000000474974513
        fc1.weight [2, 3] 1.0 2.0 3.0 4.0 5.0 -6.5
        meta course-1

        """)
    }

    @Test func rejectsCorruptFiles() {
        let good = sample().serialized()
        func error(_ bytes: Data) -> String? {
            do { _ = try Safetensors(data: bytes, source: "m.safetensors"); return nil } catch { return "\(error)" }
        }
        #expect(error(good.prefix(5))?.contains("too short") == true)
        #expect(error(good.prefix(good.count - 3))?.contains("truncated") == true)
        #expect(error(good.prefix(20))?.contains("truncated: the header says") == true)
        var longer = good
        longer.append(0)
        #expect(error(longer)?.contains("belong to none") == true)
        var badJSON = good
        badJSON[8] = UInt8(ascii: "[")
        #expect(error(badJSON)?.contains("not a JSON object") == true)
        let wrongType = Data(#"{"x":{"dtype":"F16","shape":[1],"data_offsets":[0,2]}}"#.utf8)
        #expect(error(withLengthPrefix(wrongType) + Data([0, 0]))?.contains("only F32") == true)
        let wrongSize = Data(#"{"x":{"dtype":"F32","shape":[2],"data_offsets":[0,4]}}"#.utf8)
        #expect(error(withLengthPrefix(wrongSize) + Data([0, 0, 0, 0]))?.contains("do not hold shape") == true)
        let overlapping = Data(#"{"x":{"dtype":"F32","shape":[1],"data_offsets":[0,4]},"y":{"dtype":"F32","shape":[1],"data_offsets":[0,4]}}"#.utf8)
        #expect(error(withLengthPrefix(overlapping) + Data(count: 4))?.contains("overlaps") == true)
        #expect(error(good)?.description == nil)
    }

    @Test func loadChecksNamesAndShapes() throws {
        var generator = RandomGenerator(seed: 1)
        let layer = Linear(3, 2, name: "fc1", generator: &generator)
        try sample().load(into: layer.parameters, source: "m")
        #expect(layer.weight.value.array == [1, 2, 3, 4, 5, -6.5])
        let wrongShape = Linear(3, 4, name: "fc1", generator: &generator)
        #expect(throws: SafetensorsError(file: "m", message: "parameter 'fc1.weight' has shape [2, 3] in the file but [4, 3] in the model")) {
            try sample().load(into: wrongShape.parameters, source: "m")
        }
        let wrongName = Linear(3, 2, name: "fc2", generator: &generator)
        #expect(throws: SafetensorsError.self) { try sample().load(into: wrongName.parameters, source: "m") }
    }

    func withLengthPrefix(_ header: Data) -> Data {
        var data = Data()
        withUnsafeBytes(of: UInt64(header.count).littleEndian) { data.append(contentsOf: $0) }
        return data + header
    }
}

/// Runs a Python script and returns its standard output; throws when it fails.
func runPython(_ script: String, arguments: [String]) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", "-c", script] + arguments
    let output = Pipe(), errors = Pipe()
    process.standardOutput = output
    process.standardError = errors
    try process.run()
    let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    let problems = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    guard process.terminationStatus == 0 else { throw PythonFailure(message: problems) }
    return text
}

struct PythonFailure: Error { let message: String }
