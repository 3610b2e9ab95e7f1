import Foundation

/// What a build wrote, for the command line to summarise.
public struct SiteReport: Sendable, Equatable {
    /// The site folder.
    public var folder: URL
    /// The pages, as paths relative to the folder: `index.html` first, then one per lesson.
    public var pages: [String]
    /// The figure files, as paths relative to the folder (`figures/02-vae-loss-train-1.png`).
    public var figures: [String]
    /// Every file written, as paths relative to the folder, sorted.
    public var files: [String]
    /// The bytes of all files together.
    public var byteCount: Int

    /// Creates a report.
    public init(folder: URL, pages: [String], figures: [String], files: [String], byteCount: Int) {
        self.folder = folder
        self.pages = pages
        self.figures = figures
        self.files = files
        self.byteCount = byteCount
    }
}
