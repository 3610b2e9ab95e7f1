import LessonModel
import SHA256

/// The seed a cell runs with: its `seed=` attribute, else the lesson's default seed, else one
/// derived from the lesson slug and cell id, so every cell has its own stable stream.
enum CellSeed {
    static func seed(of cell: Cell, in lesson: Lesson) -> UInt64 {
        if let seed = cell.seed { return seed }
        if let text = lesson.frontMatter.defaults["seed"], let seed = UInt64(text) { return seed }
        return derived(slug: lesson.slug, cellID: cell.id)
    }

    /// The first eight bytes of SHA-256("slug/cell-id"), big-endian.
    static func derived(slug: String, cellID: String) -> UInt64 {
        let hex = SHA256Hex.digest("\(slug)/\(cellID)")
        return UInt64(hex.prefix(16), radix: 16)!
    }
}
