/// The number and slug in a lesson file name such as `02-vae-loss.md`.
struct LessonFileName: Equatable {
    /// The rule a lesson file's name follows, as diagnostics state it.
    static let rule = "a lesson file is named NN-slug.md: a number, '-', a slug and '.md'"

    var number: Int
    var slug: String

    /// Reads the last path component of `path`, or returns nil if it is not `NN-slug.md`.
    init?(path: String) {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard name.hasSuffix(".md") else { return nil }
        let stem = name.dropLast(3)
        let digits = stem.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, let number = Int(digits), stem.dropFirst(digits.count).first == "-" else { return nil }
        let slug = stem.dropFirst(digits.count + 1)
        guard !slug.isEmpty else { return nil }
        self.number = number
        self.slug = String(slug)
    }
}
