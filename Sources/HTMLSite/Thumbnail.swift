import LessonModel

extension Figure {
    /// The figure that stands for `lesson` on its card in the site index, among the lesson's
    /// figures keyed by cell id and output position; nil when the lesson showed none.
    ///
    /// The author chooses it: the front matter's `thumbnail:` names a cell, and the card shows
    /// that cell's first figure, the one the cell is about (as for `caption=`). Without the
    /// key, or when the named cell showed no figure (it failed or did not run), the card shows
    /// the lesson's first image grid, since pictures still read at card size where a chart's
    /// lettering does not, and failing that its first figure. A latent explorer is no picture,
    /// so it is never the thumbnail.
    static func thumbnail(of lesson: Lesson, among figures: [String: [Int: Figure]]) -> Figure? {
        if let cell = lesson.frontMatter.thumbnail, let chosen = figures[cell]?.filter({ $0.value.explorer == nil }).min(by: { $0.key < $1.key })?.value {
            return chosen
        }
        let inOrder = figures.values.flatMap(\.values).filter { $0.explorer == nil }.sorted { $0.sequence < $1.sequence }
        return inOrder.first { $0.isPixelArt } ?? inOrder.first
    }
}
