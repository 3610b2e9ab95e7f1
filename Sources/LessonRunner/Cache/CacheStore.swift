import AtomicFiles
import CourseSteps
import Figures
import Foundation
import NeuralNetworks
import Outputs
import SHA256

/// The cache of cell results: a folder (`.course-cache/` at the repository root) of entries
/// addressed by cache key, plus the last run's record of each lesson cell.
///
/// Layout:
///
///     entries/<key>/manifest.json      key, ingredients, seconds, files with their SHA-256
///     entries/<key>/outputs.bin        the display items' canonical bytes
///     entries/<key>/value-<n>.bin      each bound value: a safetensors checkpoint or JSON
///     cells/<lesson-slug>/<cell-id>.json  the ingredients of the cell's last run
///
/// An entry is written into a temporary folder, flushed, and renamed into place, so a crash at
/// any moment leaves either no entry or a whole one; leftovers of dead processes are removed
/// when the store is opened. Every file is checked against its SHA-256 when read.
public struct CacheStore: Sendable {
    /// The cache folder.
    public let folder: URL

    /// The name of the cache folder at a repository's root.
    public static let folderName = ".course-cache"

    /// Opens (and creates when missing) the cache in `folder`, removing temporary files that
    /// crashed runs left behind.
    public init(folder: URL) throws {
        self.folder = folder
        for sub in [entriesFolder, cellsFolder] {
            try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: true)
        }
        let lessons = (try? FileManager.default.contentsOfDirectory(atPath: cellsFolder.path)) ?? []
        for folder in [folder, entriesFolder] + lessons.map(cellsFolder.appendingPathComponent) {
            AtomicFile.removeLeftovers(in: folder)
        }
    }

    /// Opens the cache of the repository at `repository`.
    public init(repository: URL) throws {
        try self.init(folder: repository.appendingPathComponent(Self.folderName))
    }

    private var entriesFolder: URL { folder.appendingPathComponent("entries") }
    private var cellsFolder: URL { folder.appendingPathComponent("cells") }
    /// Where the identity of the files the data-loading step `step` reads is remembered.
    func dataIdentityMemo(of step: String) -> URL { folder.appendingPathComponent("data-identity-\(step).json") }

    private func entryFolder(_ key: String) -> URL { entriesFolder.appendingPathComponent(key) }

    // MARK: Reading

    /// The manifest of the entry for `key`, nil when there is none; throws when it is damaged.
    func manifest(for key: String) throws -> CacheManifest? {
        let url = entryFolder(key).appendingPathComponent("manifest.json")
        guard let data = FileManager.default.contents(atPath: url.path) else { return nil }
        guard let manifest = Self.decodeChecked(data), manifest.key == key else {
            throw CacheCorruption(key: key, file: "manifest.json")
        }
        return manifest
    }

    /// Whether an entry for `key` is present (its manifest is not checked).
    func hasEntry(for key: String) -> Bool {
        FileManager.default.fileExists(atPath: entryFolder(key).appendingPathComponent("manifest.json").path)
    }

    /// The display items of an entry.
    func outputs(of manifest: CacheManifest) throws -> [DisplayItem] {
        let bytes = try read(manifest.outputs, key: manifest.key)
        var items: [DisplayItem] = []
        var offset = 0
        for size in manifest.outputSizes {
            guard size >= 0, offset + size <= bytes.count,
                  let item = try? DisplayItem(canonicalBytes: Array(bytes[offset..<offset + size])) else {
                throw CacheCorruption(key: manifest.key, file: manifest.outputs.name)
            }
            items.append(item)
            offset += size
        }
        return items
    }

    /// The value an entry's cell bound to `name`, restored.
    func value(_ name: String, of manifest: CacheManifest) throws -> StepValue {
        guard let record = manifest.bindings.first(where: { $0.name == name }) else {
            throw CacheCorruption(key: manifest.key, file: "manifest.json")
        }
        let bytes = try read(record.file, key: manifest.key)
        if let objectType = record.objectType {
            let checkpoint = try Safetensors(data: bytes, source: "cache entry \(manifest.key.prefix(12)) value '\(name)'")
            return .object(try CellObjectTypes.restore(objectType, from: checkpoint))
        }
        guard let stored = try? JSONDecoder().decode(StoredValue.self, from: bytes) else {
            throw CacheCorruption(key: manifest.key, file: record.file.name)
        }
        return try stored.value
    }

    private func read(_ file: CacheManifest.FileRecord, key: String) throws -> Data {
        let url = entryFolder(key).appendingPathComponent(file.name)
        guard let data = FileManager.default.contents(atPath: url.path), data.count == file.byteCount,
              SHA256Hex.digest(data) == file.sha256 else {
            throw CacheCorruption(key: key, file: file.name)
        }
        return data
    }

    // MARK: Writing

    /// Stores a cell's result under `ingredients.key`, replacing any entry there.
    func store(ingredients: CacheKeyIngredients, seconds: Double, outputs: [DisplayItem], bindings: [(name: String, value: StepValue)]) throws {
        let key = ingredients.key
        let temporary = AtomicFile.temporaryURL(in: entriesFolder)
        try FileManager.default.createDirectory(at: temporary, withIntermediateDirectories: true)
        do {
            func write(_ data: Data, name: String) throws -> CacheManifest.FileRecord {
                try AtomicFile.writeDurably(data, to: temporary.appendingPathComponent(name))
                return .init(name: name, byteCount: data.count, sha256: SHA256Hex.digest(data))
            }
            let itemBytes = outputs.map(\.canonicalBytes)
            let outputsFile = try write(Data(itemBytes.joined()), name: "outputs.bin")
            var records: [CacheManifest.BindingRecord] = []
            for (index, binding) in bindings.enumerated() {
                let name = "value-\(index + 1).bin"
                if case .object(let object) = binding.value {
                    let file = try write(object.checkpoint().serialized(), name: name)
                    records.append(.init(name: binding.name, type: binding.value.type.description,
                                         objectType: CellObjectTypes.storedName(of: object), file: file))
                } else if let stored = StoredValue(binding.value) {
                    let file = try write(try Self.canonicalJSON(stored), name: name)
                    records.append(.init(name: binding.name, type: binding.value.type.description, objectType: nil, file: file))
                }
                // An array of library objects has no stored form: the cell reruns when a later one needs it.
            }
            let manifest = CacheManifest(key: key, ingredients: ingredients, seconds: seconds, outputs: outputsFile,
                                         outputSizes: itemBytes.map(\.count), bindings: records)
            try AtomicFile.writeDurably(Self.encodeChecked(manifest), to: temporary.appendingPathComponent("manifest.json"))
            AtomicFile.syncFolder(temporary)
            // Swapped with an old entry for the key in one step, so another process building the
            // same course never finds the key empty.
            try AtomicFile.replaceFolder(at: entryFolder(key), with: temporary)
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw error
        }
    }

    /// Deletes the entry for `key` (a damaged one, before it is recomputed).
    func removeEntry(_ key: String) {
        let target = entryFolder(key)
        let aside = AtomicFile.temporaryURL(in: entriesFolder)
        if (try? AtomicFile.rename(target, to: aside)) != nil {
            try? FileManager.default.removeItem(at: aside)
        }
    }

    // MARK: Records of the last run

    /// What a lesson cell was last run with.
    struct CellRecord: Codable, Equatable {
        var key: String
        var ingredients: CacheKeyIngredients
    }

    private func recordURL(slug: String, cellID: String) -> URL {
        cellsFolder.appendingPathComponent(slug).appendingPathComponent(cellID + ".json")
    }

    /// Remembers that the cell `cellID` of lesson `slug` last ran with `ingredients`.
    func record(slug: String, cellID: String, ingredients: CacheKeyIngredients) throws {
        let data = try Self.canonicalJSON(CellRecord(key: ingredients.key, ingredients: ingredients))
        try AtomicFile.write(data, to: recordURL(slug: slug, cellID: cellID))
    }

    /// What the cell last ran with, if it ever ran and the record is readable.
    func lastRecord(slug: String, cellID: String) -> CellRecord? {
        guard let data = FileManager.default.contents(atPath: recordURL(slug: slug, cellID: cellID).path) else { return nil }
        return try? JSONDecoder().decode(CellRecord.self, from: data)
    }

    // MARK: Checked JSON

    /// `value` as JSON with sorted keys: the same value is the same bytes whichever process
    /// writes it (the encoder's key order otherwise varies from run to run).
    static func canonicalJSON(_ value: some Encodable) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return try encoder.encode(value)
    }

    /// The manifest as JSON followed by a line with the JSON's SHA-256.
    private static func encodeChecked(_ manifest: CacheManifest) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        let json = try encoder.encode(manifest)
        return json + Data("\n\(SHA256Hex.digest(json))\n".utf8)
    }

    private static func decodeChecked(_ data: Data) -> CacheManifest? {
        let bytes = Array(data)
        guard bytes.count > 66, bytes.last == UInt8(ascii: "\n") else { return nil }
        let json = Data(bytes[..<(bytes.count - 66)])
        let digest = String(decoding: bytes[(bytes.count - 65)..<(bytes.count - 1)], as: UTF8.self)
        guard bytes[bytes.count - 66] == UInt8(ascii: "\n"), SHA256Hex.digest(json) == digest else { return nil }
        return try? JSONDecoder().decode(CacheManifest.self, from: json)
    }
}

extension CacheStore {
    /// How much a cache folder holds.
    public struct Usage: Sendable, Equatable, Codable {
        /// Cached cell results.
        public var entries: Int
        /// Bytes of all files under the folder.
        public var bytes: Int64
    }

    /// What the cache folder `folder` holds, without opening (or creating) it; nil when it
    /// does not exist.
    public static func usage(of folder: URL) -> Usage? {
        let manager = FileManager.default
        guard manager.fileExists(atPath: folder.path) else { return nil }
        var bytes: Int64 = 0
        if let files = manager.enumerator(at: folder, includingPropertiesForKeys: [.fileSizeKey, .isRegularFileKey]) {
            for case let url as URL in files {
                guard let values = try? url.resourceValues(forKeys: [.fileSizeKey, .isRegularFileKey]), values.isRegularFile == true else { continue }
                bytes += Int64(values.fileSize ?? 0)
            }
        }
        let entries = (try? manager.contentsOfDirectory(atPath: folder.appendingPathComponent("entries").path))?.count ?? 0
        return Usage(entries: entries, bytes: bytes)
    }
}
