import AtomicFiles
import Foundation
import TestSupport
import Testing

@Suite struct AtomicFileTests {
    let temporary: TemporaryFolder
    var folder: URL { temporary.url }

    init() throws {
        temporary = try TemporaryFolder("atomic-file-tests")
    }

    /// A folder holding one file, `name`, with `text` in it.
    func makeFolder(_ path: String, holding name: String, _ text: String) throws -> URL {
        let url = folder.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url.appendingPathComponent(name))
        return url
    }

    func contents(_ url: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: url.path).sorted()
    }

    /// A durable write creates its file and nothing else (no helper file a kill could leave
    /// behind), and never replaces a file that is already there: its paths are fresh ones.
    @Test func writeDurablyCreatesOnlyANewFile() throws {
        let file = folder.appendingPathComponent(".tmp-1-a")
        try AtomicFile.writeDurably(Data("first".utf8), to: file)
        #expect(try contents(folder) == [".tmp-1-a"])
        #expect(throws: (any Error).self) { try AtomicFile.writeDurably(Data("second".utf8), to: file) }
        #expect(try String(contentsOf: file, encoding: .utf8) == "first")
    }

    @Test func replaceFolderSwapsANewFolderForAnOldOne() throws {
        let site = try makeFolder("site", holding: "old.html", "old")
        let staging = try makeFolder(".site-build-1", holding: "new.html", "new")
        try AtomicFile.replaceFolder(at: site, with: staging)
        #expect(try contents(site) == ["new.html"])
        #expect(try contents(folder) == ["site"], "the old folder is deleted and nothing is left beside")
    }

    @Test func replaceFolderMovesANewFolderWhereThereIsNone() throws {
        let staging = try makeFolder(".site-build-1", holding: "new.html", "new")
        try AtomicFile.replaceFolder(at: folder.appendingPathComponent("site"), with: staging)
        #expect(try contents(folder.appendingPathComponent("site")) == ["new.html"])
        #expect(try contents(folder) == ["site"])
    }

    @Test func replaceFolderDoesNotReplaceAFile() throws {
        let file = folder.appendingPathComponent("site")
        try Data("a file".utf8).write(to: file)
        let staging = try makeFolder(".site-build-1", holding: "new.html", "new")
        #expect(throws: (any Error).self) { try AtomicFile.replaceFolder(at: file, with: staging) }
        #expect(try Data(contentsOf: file) == Data("a file".utf8))
    }

    @Test func leftoversOfDeadProcessesAreRemovedAndOthersKept() throws {
        let finished = Process()
        finished.executableURL = URL(fileURLWithPath: "/bin/true")
        try finished.run()
        finished.waitUntilExit()
        let dead = finished.processIdentifier
        for name in [".tmp-\(dead)-A", ".tmp-\(getpid())-B", ".tmp-unknown", "kept", ".site-build-\(dead)-C"] {
            try Data().write(to: folder.appendingPathComponent(name))
        }
        AtomicFile.removeLeftovers(in: folder)
        #expect(try contents(folder) == [".site-build-\(dead)-C", ".tmp-\(getpid())-B", ".tmp-unknown", "kept"])
        AtomicFile.removeLeftovers(in: folder, prefix: ".site-build-")
        #expect(try contents(folder) == [".tmp-\(getpid())-B", ".tmp-unknown", "kept"])
    }

    @Test func writeReplacesAFileWhole() throws {
        let url = folder.appendingPathComponent("sub/record.json")
        try AtomicFile.write(Data("first".utf8), to: url)
        try AtomicFile.write(Data("second".utf8), to: url)
        #expect(try Data(contentsOf: url) == Data("second".utf8))
        #expect(try contents(url.deletingLastPathComponent()) == ["record.json"])
    }

    @Test func fileSystemReasonsAreTheSystemsWords() throws {
        let file = folder.appendingPathComponent("file")
        try Data().write(to: file)
        let error = #expect(throws: (any Error).self) {
            try FileManager.default.createDirectory(at: file.appendingPathComponent("sub"), withIntermediateDirectories: true)
        }
        #expect(error?.fileSystemReason == "Not a directory")
        #expect(CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: "disk on fire"]).fileSystemReason == "disk on fire")
    }
}
