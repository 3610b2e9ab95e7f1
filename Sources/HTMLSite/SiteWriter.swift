import AtomicFiles
import Foundation

/// Writes a site's files so that readers see either the old site or the new one, never a mix.
///
/// The files go into a hidden temporary folder next to the destination, named after the
/// destination and this process (`.site-build-<pid>-<random>`). Only when every file is written
/// is that folder swapped with the old site in one step, and the old site deleted. A failure
/// before the swap removes the temporary folder and leaves the previous site as it was; a build
/// killed at any moment leaves the previous site or the new one, and its temporary folder is
/// removed by the next build.
///
/// An existing destination is replaced only if it is empty or carries the marker file that
/// every site written here has, so a mistyped `--out` cannot delete someone's folder.
struct SiteWriter: Sendable {
    /// The file that marks a folder as a site this writer may replace.
    static let markerFile = ".course-site"

    /// Called after each file is written, with its relative path; tests throw from it to
    /// simulate a failure part-way through a build.
    var afterWritingFile: @Sendable (String) throws -> Void = { _ in }

    /// Writes `files` as the complete contents of `folder`.
    func write(_ files: [SiteFile], to folder: URL) throws {
        let manager = FileManager.default
        let folder = folder.standardizedFileURL
        let parent = folder.deletingLastPathComponent()
        let prefix = ".\(folder.lastPathComponent)-build-"
        try checkReplaceable(folder)
        do {
            try manager.createDirectory(at: parent, withIntermediateDirectories: true)
        } catch {
            throw SiteError("cannot create the folder the site goes in: \(error.fileSystemReason)", path: parent.path,
                            hint: "choose an --out folder whose parent folders can be created; nothing was written")
        }
        AtomicFile.removeLeftovers(in: parent, prefix: prefix)

        let staging = AtomicFile.temporaryURL(in: parent, prefix: prefix)
        var current = folder
        do {
            try manager.createDirectory(at: staging, withIntermediateDirectories: false)
            for file in files + [SiteFile(path: Self.markerFile, text: "Written by course build; the next build replaces this folder.\n")] {
                current = folder.appendingPathComponent(file.path)
                let url = staging.appendingPathComponent(file.path)
                try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(file.bytes).write(to: url)
                try afterWritingFile(file.path)
            }
        } catch {
            try? manager.removeItem(at: staging)
            throw SiteError("cannot write the site: \(error.fileSystemReason)", path: current.path,
                            hint: "free some disk space or choose another --out folder; the previous site is unchanged")
        }

        do {
            try AtomicFile.replaceFolder(at: folder, with: staging)
        } catch {
            try? manager.removeItem(at: staging)
            throw SiteError("cannot put the new site in place: \(error.fileSystemReason)", path: folder.path,
                            hint: "the previous site is unchanged")
        }
    }

    /// Throws unless `folder` is absent, empty, or a site written here before.
    private func checkReplaceable(_ folder: URL) throws {
        let manager = FileManager.default
        var isFolder: ObjCBool = false
        guard manager.fileExists(atPath: folder.path, isDirectory: &isFolder) else { return }
        guard isFolder.boolValue else {
            throw SiteError("this is a file, not a folder, so the site cannot be written here", path: folder.path,
                            hint: "choose another output folder with --out")
        }
        let contents = (try? manager.contentsOfDirectory(atPath: folder.path)) ?? []
        guard contents.isEmpty || contents.contains(Self.markerFile) else {
            throw SiteError("this folder is not a site written by course build, so it is not replaced", path: folder.path,
                            hint: "choose another output folder with --out, or empty this one")
        }
    }
}
