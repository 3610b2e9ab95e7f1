import LessonModel

/// One screen of the stepper: the prose before a cell and the cell, or the prose after the
/// last cell.
struct LessonSlide: Equatable {
    /// The prose blocks shown above the cell.
    var prose: [Block]
    /// The cell's 0-based position in `Lesson.cells`, or nil for the closing slide.
    var cellIndex: Int?

    /// Whether the prose holds an exercise's answer, which the answers key shows or hides.
    var hasAnswers: Bool {
        var found = false
        Block.visit(prose) { if case .answer = $0 { found = true } }
        return found
    }

    /// The slides of `lesson`: one per cell (cells nested in lists or quotes included, in
    /// document order, as `Lesson.cells` lists them), then a closing slide.
    static func slides(of lesson: Lesson) -> [LessonSlide] {
        var slides: [LessonSlide] = []
        var prose: [Block] = []
        for block in lesson.blocks {
            if case .cell = block {
                slides.append(LessonSlide(prose: prose, cellIndex: slides.count))
                prose = []
                continue
            }
            prose.append(block)
            var nested = 0
            Block.visit(block.children) { if case .cell = $0 { nested += 1 } }
            // A cell inside a list or quote shows in place with its container's prose; it
            // still gets its own slide so it can be run.
            for _ in 0..<nested {
                slides.append(LessonSlide(prose: prose, cellIndex: slides.count))
                prose = []
            }
        }
        slides.append(LessonSlide(prose: prose, cellIndex: nil))
        return slides
    }
}
