import AtomicFiles
import Foundation
import Tensors

/// A set of named Float32 tensors in the safetensors format, readable by PyTorch and NumPy.
///
/// The layout: an 8-byte little-endian header length N, N bytes of JSON describing each
/// tensor (`dtype`, `shape`, `data_offsets`) plus optional string `__metadata__`, padded with
/// spaces to a multiple of 8, then the tensors' little-endian bytes back to back.
/// Serialization is byte-stable: names are written sorted, so the same tensors give the
/// same file.
public struct Safetensors {
    /// The tensors by name.
    public var tensors: [String: Tensor]
    /// Free-form string metadata (optimizer step, generator state, format version…).
    public var metadata: [String: String]

    /// Creates a set from named tensors and metadata.
    public init(tensors: [String: Tensor] = [:], metadata: [String: String] = [:]) {
        self.tensors = tensors
        self.metadata = metadata
    }

    /// The file's bytes.
    public func serialized() -> Data {
        let names = tensors.keys.sorted()
        var entries: [String] = []
        var offset = 0
        for name in names {
            let tensor = tensors[name]!
            let size = tensor.count * MemoryLayout<Float>.size
            let shape = tensor.shape.map(String.init).joined(separator: ",")
            entries.append("\(jsonString(name)):{\"dtype\":\"F32\",\"shape\":[\(shape)],\"data_offsets\":[\(offset),\(offset + size)]}")
            offset += size
        }
        if !metadata.isEmpty {
            let fields = metadata.keys.sorted().map { "\(jsonString($0)):\(jsonString(metadata[$0]!))" }
            entries.insert("\"__metadata__\":{\(fields.joined(separator: ","))}", at: 0)
        }
        var header = Array("{\(entries.joined(separator: ","))}".utf8)
        while header.count % 8 != 0 { header.append(UInt8(ascii: " ")) }

        var bytes = Data(capacity: 8 + header.count + offset)
        withUnsafeBytes(of: UInt64(header.count).littleEndian) { bytes.append(contentsOf: $0) }
        bytes.append(contentsOf: header)
        for name in names {
            let tensor = tensors[name]!
            // Float32 storage is little-endian on every platform we build for.
            bytes.append(UnsafeBufferPointer(start: tensor.data, count: tensor.count))
        }
        return bytes
    }

    /// Writes the file atomically: a reader sees the old file or the new one, never a part.
    public func write(to url: URL) throws {
        try AtomicFile.write(serialized(), to: url)
    }

    /// Reads and validates a safetensors file.
    public init(contentsOf url: URL) throws {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw SafetensorsError(file: url.path, message: "cannot read the file (\(error.localizedDescription))")
        }
        try self.init(data: data, source: url.path)
    }

    /// Parses and validates safetensors bytes; `source` names them in errors.
    public init(data: Data, source: String) throws {
        func fail(_ message: String) -> SafetensorsError { SafetensorsError(file: source, message: message) }
        guard data.count >= 8 else { throw fail("truncated: \(data.count) bytes, too short for the 8-byte header length") }
        let headerLength = data.prefix(8).enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) }
        guard headerLength <= UInt64(data.count - 8) else {
            throw fail("truncated: the header says \(headerLength) bytes of JSON but only \(data.count - 8) follow")
        }
        let headerEnd = 8 + Int(headerLength)
        guard let object = try? JSONSerialization.jsonObject(with: data[8..<headerEnd]), let header = object as? [String: Any] else {
            throw fail("the header is not a JSON object")
        }
        let dataStart = headerEnd, dataCount = data.count - dataStart
        var tensors: [String: Tensor] = [:]
        var metadata: [String: String] = [:]
        var ranges: [(Int, Int, String)] = []
        for (name, value) in header {
            if name == "__metadata__" {
                guard let fields = value as? [String: Any] else { throw fail("__metadata__ is not an object") }
                for (key, field) in fields {
                    guard let text = field as? String else { throw fail("metadata '\(key)' is not a string") }
                    metadata[key] = text
                }
                continue
            }
            guard let entry = value as? [String: Any],
                  let dtype = entry["dtype"] as? String,
                  let shape = entry["shape"] as? [Int],
                  let offsets = entry["data_offsets"] as? [Int], offsets.count == 2
            else { throw fail("tensor '\(name)' needs dtype, shape and two data_offsets") }
            guard dtype == "F32" else { throw fail("tensor '\(name)' has dtype \(dtype); only F32 is supported") }
            guard shape.allSatisfy({ $0 >= 0 }) else { throw fail("tensor '\(name)' has a negative dimension in \(shape)") }
            let (begin, end) = (offsets[0], offsets[1])
            let (elementCount, overflow) = shape.reduce((1, false)) { partial, dimension in
                let product = partial.0.multipliedReportingOverflow(by: dimension)
                return (product.partialValue, partial.1 || product.overflow)
            }
            let (byteCount, byteOverflow) = elementCount.multipliedReportingOverflow(by: MemoryLayout<Float>.size)
            guard !overflow, !byteOverflow, begin >= 0, end >= begin, end - begin == byteCount else {
                throw fail("tensor '\(name)': data_offsets [\(begin), \(end)] do not hold shape \(shape) of F32")
            }
            guard end <= dataCount else {
                throw fail("truncated: tensor '\(name)' ends at byte \(end) of the data, which has only \(dataCount)")
            }
            let tensor = Tensor(shape: shape)
            data.withUnsafeBytes { raw in
                UnsafeMutableRawPointer(tensor.data).copyMemory(from: raw.baseAddress! + dataStart + begin, byteCount: end - begin)
            }
            tensors[name] = tensor
            ranges.append((begin, end, name))
        }
        ranges.sort { $0.0 < $1.0 }
        var covered = 0
        for (begin, end, name) in ranges {
            guard begin == covered else {
                throw fail(begin < covered ? "tensor '\(name)' overlaps another" : "the data has a gap before tensor '\(name)'")
            }
            covered = end
        }
        guard covered == dataCount else { throw fail("\(dataCount - covered) bytes after the last tensor belong to none") }
        self.tensors = tensors
        self.metadata = metadata
    }

    /// Copies the tensors named like `parameters` into them, checking every name and shape.
    public func load(into parameters: [Parameter], source: String) throws {
        let expected = Set(parameters.map(\.name))
        if let extra = tensors.keys.sorted().first(where: { !expected.contains($0) }) {
            throw SafetensorsError(file: source, message: "tensor '\(extra)' matches no parameter of the model")
        }
        for parameter in parameters {
            guard let tensor = tensors[parameter.name] else {
                throw SafetensorsError(file: source, message: "parameter '\(parameter.name)' is missing")
            }
            guard tensor.shape == parameter.value.shape else {
                throw SafetensorsError(file: source, message: "parameter '\(parameter.name)' has shape \(tensor.shape) in the file but \(parameter.value.shape) in the model")
            }
            parameter.value.assign(tensor)
        }
    }

    /// Collects parameters by name, each as an independent copy.
    public init(parameters: [Parameter], metadata: [String: String] = [:]) {
        var tensors: [String: Tensor] = [:]
        for parameter in parameters {
            precondition(tensors[parameter.name] == nil, "two parameters are named '\(parameter.name)'")
            tensors[parameter.name] = parameter.value.copy()
        }
        self.init(tensors: tensors, metadata: metadata)
    }
}

/// A safetensors file that could not be read: what is wrong, and which file.
public struct SafetensorsError: Error, CustomStringConvertible, Equatable {
    /// The file (or other source) being read.
    public let file: String
    /// What is wrong with it.
    public let message: String

    public var description: String { "\(file): error: \(message)" }
}

/// A JSON string literal for `text`, escaping what JSON requires.
private func jsonString(_ text: String) -> String {
    var result = "\""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\"": result += "\\\""
        case "\\": result += "\\\\"
        case "\n": result += "\\n"
        case "\r": result += "\\r"
        case "\t": result += "\\t"
        case _ where scalar.value < 0x20: result += String(format: "\\u%04x", scalar.value)
        default: result.unicodeScalars.append(scalar)
        }
    }
    return result + "\""
}
