import Foundation
import SHA256
import Testing

/// A cache folder's files made comparable between two correct builds of one course.
///
/// Two builds compute bit-identical outputs and weights, but measure time: each entry's
/// manifest records how long its cell ran, and a trained model's checkpoint records how long
/// each epoch took. Those are blanked, and so are the size and SHA-256 a manifest records for a
/// checkpoint (they cover the times) — after checking that they match the file, so a damaged
/// entry is still caught. Everything else must be byte-identical.
enum CacheSnapshot {
    static func normalized(_ files: [String: Data]) throws -> [String: Data] {
        var result = files
        for (path, data) in files where path.hasSuffix("/manifest.json") {
            let folder = String(path.dropLast("manifest.json".count))
            result[path] = try normalizedManifest(data, checkingFilesIn: folder, of: files)
        }
        for (path, data) in files where path.contains("/value-") {
            result[path] = try normalizedCheckpoint(data)
        }
        return result
    }

    /// The manifest's JSON without its run time and checkpoint checksums; its own checksum line
    /// and every file record are checked first.
    private static func normalizedManifest(_ data: Data, checkingFilesIn folder: String, of files: [String: Data]) throws -> Data {
        let lines = data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        let json = Data(data.prefix(data.count - 66))
        #expect(lines.count >= 3 && String(decoding: lines[lines.count - 2], as: UTF8.self) == SHA256Hex.digest(json),
                "\(folder)manifest.json does not match its checksum")
        var manifest = try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any])
        var records = [manifest["outputs"] as? [String: Any]].compactMap { $0 }
        var bindings = manifest["bindings"] as? [[String: Any]] ?? []
        for index in bindings.indices {
            var file = bindings[index]["file"] as? [String: Any] ?? [:]
            records.append(file)
            file["byteCount"] = 0
            file["sha256"] = ""
            bindings[index]["file"] = file
        }
        for record in records {
            let name = record["name"] as? String ?? "?"
            let contents = files[folder + name]
            #expect(contents?.count == record["byteCount"] as? Int, "\(folder)\(name) has the wrong size")
            #expect(contents.map { SHA256Hex.digest($0) } == record["sha256"] as? String, "\(folder)\(name) does not match its checksum")
        }
        manifest["bindings"] = bindings
        manifest["seconds"] = 0
        return try JSONSerialization.data(withJSONObject: manifest, options: [.sortedKeys])
    }

    /// A safetensors checkpoint with `epochSeconds` taken out of the training state in its
    /// metadata; the tensors' bytes stay as they are.
    private static func normalizedCheckpoint(_ data: Data) throws -> Data {
        guard data.count >= 8 else { return data }
        let headerSize = Int(data.prefix(8).enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) })
        guard headerSize <= data.count - 8,
              var header = try JSONSerialization.jsonObject(with: data.dropFirst(8).prefix(headerSize)) as? [String: Any] else {
            return data
        }
        if var metadata = header["__metadata__"] as? [String: String], let state = metadata["state"],
           var fields = try JSONSerialization.jsonObject(with: Data(state.utf8)) as? [String: Any] {
            fields["epochSeconds"] = nil
            metadata["state"] = String(decoding: try JSONSerialization.data(withJSONObject: fields, options: [.sortedKeys]), as: UTF8.self)
            header["__metadata__"] = metadata
        }
        return try JSONSerialization.data(withJSONObject: header, options: [.sortedKeys]) + data.dropFirst(8 + headerSize)
    }
}
