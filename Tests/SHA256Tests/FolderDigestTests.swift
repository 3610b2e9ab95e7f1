import Foundation
import SHA256
import Testing

/// The code fingerprint of a folder, which `CodeFingerprintTool` computes at build time and
/// LessonRunner's `CodeFingerprint` at run time: its files by relative path, hashed in parts.
@Suite struct FolderDigestTests {
    @Test func hashesEachFileByRelativePathSizeAndBytesInPathOrder() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("folder-digest-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("sub"), withIntermediateDirectories: true)
        try Data("second".utf8).write(to: folder.appendingPathComponent("sub/b.swift"))
        try Data("first".utf8).write(to: folder.appendingPathComponent("a.swift"))
        try Data().write(to: folder.appendingPathComponent("empty"))
        let expected = SHA256Hex.digest("a.swift\u{0}5\u{0}first" + "empty\u{0}0\u{0}" + "sub/b.swift\u{0}6\u{0}second")
        #expect(try SHA256Hex.digest(folder: folder) == expected)

        try Data("first!".utf8).write(to: folder.appendingPathComponent("a.swift"))
        #expect(try SHA256Hex.digest(folder: folder) != expected)
    }

    @Test func aMissingOrEmptyFolderIsAbsent() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("folder-digest-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try SHA256Hex.digest(folder: folder) == "absent")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("only-folders"), withIntermediateDirectories: true)
        #expect(try SHA256Hex.digest(folder: folder) == "absent")
    }
}
