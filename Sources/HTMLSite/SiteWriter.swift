import Foundation

/// Writes a site's files so that readers see either the old site or the new one, never a mix.
///
/// The files go into a hidden temporary folder next to the destination. Only when every file
/// is written is the old site renamed aside, the new one renamed into place, and the old one
/// removed. A failure before the swap removes the temporary folder and leaves the previous
/// site as it was; a failure during the swap puts the previous site back.
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
        let name = folder.lastPathComponent
        try checkReplaceable(folder)
        do {
            try manager.createDirectory(at: parent, withIntermediateDirectories: true)
        } catch {
            throw SiteError("cannot create the folder '\(parent.path)': \(error.localizedDescription)")
        }

        let token = UUID().uuidString.prefix(8)
        let staging = parent.appendingPathComponent(".\(name).new-\(token)")
        let retired = parent.appendingPathComponent(".\(name).old-\(token)")
        do {
            try manager.createDirectory(at: staging, withIntermediateDirectories: false)
            for file in files + [SiteFile(path: Self.markerFile, text: "Written by course build; the next build replaces this folder.\n")] {
                let url = staging.appendingPathComponent(file.path)
                try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(file.bytes).write(to: url)
                try afterWritingFile(file.path)
            }
        } catch {
            try? manager.removeItem(at: staging)
            if let error = error as? SiteError { throw error }
            throw SiteError("cannot write the site into '\(parent.path)': \(error.localizedDescription)",
                            hint: "the previous site, if any, is unchanged")
        }

        let hadSite = manager.fileExists(atPath: folder.path)
        do {
            if hadSite { try manager.moveItem(at: folder, to: retired) }
        } catch {
            try? manager.removeItem(at: staging)
            throw SiteError("cannot move the previous site '\(folder.path)' aside: \(error.localizedDescription)",
                            hint: "the previous site is unchanged")
        }
        do {
            try manager.moveItem(at: staging, to: folder)
        } catch {
            if hadSite { try? manager.moveItem(at: retired, to: folder) }
            try? manager.removeItem(at: staging)
            throw SiteError("cannot move the new site into '\(folder.path)': \(error.localizedDescription)",
                            hint: "the previous site is unchanged")
        }
        if hadSite { try? manager.removeItem(at: retired) }
    }

    /// Throws unless `folder` is absent, empty, or a site written here before.
    private func checkReplaceable(_ folder: URL) throws {
        let manager = FileManager.default
        var isFolder: ObjCBool = false
        guard manager.fileExists(atPath: folder.path, isDirectory: &isFolder) else { return }
        guard isFolder.boolValue else {
            throw SiteError("'\(folder.path)' exists and is not a folder", hint: "choose another output folder with --out")
        }
        let contents = (try? manager.contentsOfDirectory(atPath: folder.path)) ?? []
        guard contents.isEmpty || contents.contains(Self.markerFile) else {
            throw SiteError("'\(folder.path)' is not a site written by course build, so it is not replaced",
                            hint: "choose another output folder with --out, or empty this one")
        }
    }
}
