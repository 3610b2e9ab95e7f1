/// Library code shown in a lesson through `swift include=PATH#ANCHOR`.
public struct IncludedCode: Sendable, Equatable, Codable {
    /// The path as written, relative to the repository root.
    public var path: String
    /// The anchor name, or nil when the whole file is included.
    public var anchor: String?
    /// The language of the fence, such as `swift`.
    public var language: String
    /// The extracted lines, dedented, with anchor marker lines removed.
    public var text: String
    /// The lines of `path` that the text came from (1-based, inclusive).
    public var lines: ClosedRange<Int>

    /// Creates included code.
    public init(path: String, anchor: String?, language: String, text: String, lines: ClosedRange<Int>) {
        self.path = path
        self.anchor = anchor
        self.language = language
        self.text = text
        self.lines = lines
    }
}
