import LessonModel

/// The largest difference `course verify` accepts in a cell's outputs: the cell's `tolerance=`
/// attribute wins, then the lesson's front matter `defaults: tolerance`, then ``standard``.
///
/// One number serves every kind of output: relative to the numbers compared for charts,
/// metrics, tables and texts, and a fraction of full intensity for pixels.
struct VerifyTolerance: Equatable {
    /// Accepts what reordering the float32 sums of an unchanged computation can do (a few
    /// parts in a million even over long sums), and nothing a reader could see: a pixel
    /// one level of 255 off already exceeds it.
    static let standard = 1e-4

    var fraction: Double

    init(fraction: Double) {
        self.fraction = fraction
    }

    /// The tolerance of `cell` in `lesson`.
    init(cell: Cell, lesson: Lesson) {
        fraction = cell.tolerance ?? lesson.frontMatter.defaults["tolerance"].flatMap(Double.init) ?? Self.standard
    }

    /// The verdict on a difference, nil meaning the same bytes.
    func verdict(on difference: OutputDifference?) -> Verifier.Verdict {
        guard let difference else { return .identical }
        return difference.size <= fraction ? .withinTolerance(difference, tolerance: fraction) : .different(difference, tolerance: fraction)
    }
}
