import Foundation
import SHA256
import Testing
import TestSupport

/// The code fingerprint of a folder, which `CodeFingerprintTool` computes at build time and
/// LessonRunner's `CodeFingerprint` at run time: its files by relative path, hashed in parts.
@Suite struct FolderDigestTests {
    @Test func hashesEachFileByRelativePathSizeAndBytesInPathOrder() throws {
        let folder = try TemporaryFolder("folder-digest")
        defer { folder.remove() }
        try folder.write("second", to: "sub/b.swift")
        try folder.write("first", to: "a.swift")
        try folder.write("", to: "empty")
        let expected = SHA256Hex.digest("a.swift\u{0}5\u{0}first" + "empty\u{0}0\u{0}" + "sub/b.swift\u{0}6\u{0}second")
        #expect(try SHA256Hex.digest(folder: folder.url) == expected)

        try folder.write("first!", to: "a.swift")
        #expect(try SHA256Hex.digest(folder: folder.url) != expected)
    }

    @Test func aMissingOrEmptyFolderIsAbsent() throws {
        let folder = try TemporaryFolder("folder-digest")
        defer { folder.remove() }
        let missing = folder.url("missing"), empty = folder.url("empty")
        #expect(try SHA256Hex.digest(folder: missing) == "absent")
        try FileManager.default.createDirectory(at: empty.appendingPathComponent("only-folders"), withIntermediateDirectories: true)
        #expect(try SHA256Hex.digest(folder: empty) == "absent")
    }
}
