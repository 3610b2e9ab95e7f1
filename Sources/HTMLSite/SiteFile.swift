/// One file of the site before it is written: where it goes and what it holds.
struct SiteFile: Sendable, Equatable {
    /// The path relative to the site folder, with `/` between folders.
    var path: String
    /// The file's contents.
    var bytes: [UInt8]

    init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }

    init(path: String, text: String) {
        self.init(path: path, bytes: Array(text.utf8))
    }
}
