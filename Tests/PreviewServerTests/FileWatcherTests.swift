import Foundation
import Glibc
import Synchronization
import Testing
import TestSupport
@testable import PreviewServer

/// The watcher reports the saves an editor makes, in the watched folders and below, and the one
/// watched file of a folder, and nothing else.
@Suite struct FileWatcherTests {
    @Test func reportsSavesInPlaceRenamesNewFoldersAndTheWatchedFileOnly() throws {
        let folder = try TemporaryFolder("watcher")
        let lessons = folder.url.appendingPathComponent("Lessons")
        try folder.write("one\n", to: "Lessons/01-a.md")
        try folder.write("title: x\n", to: "course.yml")
        let watcher = try FileWatcher(folders: [lessons], files: [folder.url.appendingPathComponent("course.yml")])
        defer { watcher.stop() }
        let batches = Mutex<[Set<String>]>([])
        watcher.start { paths in batches.withLock { $0.append(paths) } }
        func next() -> Set<String> {
            let deadline = Date().addingTimeInterval(5)
            while Date() < deadline {
                if let batch = batches.withLock({ $0.isEmpty ? nil : $0.removeFirst() }) { return batch }
                usleep(10_000)
            }
            return []
        }
        let root = folder.url.standardizedFileURL.path

        try folder.write("one, saved\n", to: "Lessons/01-a.md")
        #expect(next() == ["\(root)/Lessons/01-a.md"])
        // Saved as an editor that writes a new file and renames it over the old one.
        try folder.write("one, renamed\n", to: "Lessons/.01-a.md.new")
        #expect(rename("\(root)/Lessons/.01-a.md.new", "\(root)/Lessons/01-a.md") == 0)
        #expect(next() == ["\(root)/Lessons/01-a.md"], "the hidden temporary file is not reported")
        // Not watched: another file beside course.yml.
        try folder.write("other\n", to: "notes.txt")
        try folder.write("title: y\n", to: "course.yml")
        #expect(next() == ["\(root)/course.yml"])
        // A folder made after the watch started is watched too.
        try FileManager.default.createDirectory(atPath: "\(root)/Lessons/images", withIntermediateDirectories: true)
        _ = next()
        try folder.write("svg\n", to: "Lessons/images/a.svg")
        #expect(next() == ["\(root)/Lessons/images/a.svg"])
    }
}
