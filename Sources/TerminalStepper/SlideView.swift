import LessonModel

/// Where the learner is in the lesson: the slide on screen, how far it is scrolled, each cell's
/// latest result, which slides' answers the learner asked to see, and the slide's lines as last
/// laid out (laid out again only when the slide, its cell's result or activity, its answers or
/// the screen's size changes).
struct SlideView {
    let lesson: Lesson
    let slides: [LessonSlide]
    private(set) var index = 0
    /// The first line of the slide on screen.
    private(set) var scroll = 0
    /// Each cell's result, by its position in `Lesson.cells`; nil before it runs.
    var results: [ExecutedCell?]
    /// The slides whose answers show in full; the others' answers are one line each.
    private(set) var revealedAnswers: Set<Int> = []
    private var cache: (key: LayoutKey, layout: Layout)?

    /// A slide's lines, and where its cell's result starts among them.
    struct Layout {
        var lines: [ScreenLine]
        var resultStart: Int?
    }

    private struct LayoutKey: Equatable {
        var slide: Int
        var width: Int
        var bodyRows: Int
        var result: ExecutedCell?
        var activity: SlideLayout.Activity?
        var answers: AnswerDisplay
    }

    init(lesson: Lesson) {
        self.lesson = lesson
        slides = LessonSlide.slides(of: lesson)
        results = Array(repeating: nil, count: lesson.cells.count)
    }

    var slide: LessonSlide { slides[index] }

    /// How the answers of the slide on screen show.
    var answers: AnswerDisplay { revealedAnswers.contains(index) ? .revealed : .collapsed }

    /// Shows the answers of the slide on screen in full, or folds them again; false when it has none.
    mutating func toggleAnswers() -> Bool {
        guard slide.hasAnswers else { return false }
        if revealedAnswers.remove(index) == nil { revealedAnswers.insert(index) }
        return true
    }

    /// Whether the slide's cell ran or came from the cache, so ⏎ moves on.
    var isSlidesCellDone: Bool {
        guard let cell = slide.cellIndex, let status = results[cell]?.status else { return false }
        return status == .ran || status == .cached
    }

    /// The slide's lines for `geometry`, laid out by `layout` unless they are cached.
    mutating func layout(activity: SlideLayout.Activity?, geometry: ScreenGeometry, by layout: () -> SlideLayout) -> Layout {
        let result = slide.cellIndex.flatMap { results[$0] }
        let key = LayoutKey(slide: index, width: geometry.contentWidth, bodyRows: geometry.bodyRows, result: result, activity: activity, answers: answers)
        if let cache, cache.key == key { return cache.layout }
        let lines = layout().lines(slide: slide, lesson: lesson, result: result, activity: activity, width: geometry.contentWidth)
        let laidOut = Layout(lines: lines.lines, resultStart: lines.resultStart)
        cache = (key, laidOut)
        return laidOut
    }

    /// Whether the slide on screen was laid out while its cell did something else than
    /// `activity` (the wait for the cache began or ended, say), so it needs drawing again.
    func wasLaidOut(otherThan activity: SlideLayout.Activity?) -> Bool {
        guard let key = cache?.key, key.slide == index else { return false }
        return key.activity != activity
    }

    /// Shows another slide, from its top.
    mutating func move(to slide: Int) {
        index = min(max(slide, 0), slides.count - 1)
        scroll = 0
    }

    /// Scrolls as a key asks, within the slide's `lineCount` lines.
    mutating func scroll(_ motion: ScrollMotion, lineCount: Int, geometry: ScreenGeometry) {
        switch motion {
        case .lineUp: scroll -= 1
        case .lineDown: scroll += 1
        case .pageDown: scroll += geometry.pageRows
        case .pageUp: scroll -= geometry.pageRows
        case .top: scroll = 0
        case .bottom: scroll = Int.max / 2
        }
        clampScroll(lineCount: lineCount, bodyRows: geometry.bodyRows)
    }

    /// Keeps the scroll within the slide's `lineCount` lines.
    mutating func clampScroll(lineCount: Int, bodyRows: Int) {
        scroll = min(max(scroll, 0), max(0, lineCount - bodyRows))
    }

    /// After a resize re-wrapped the slide from `before` lines to `after`, keeps the same part
    /// of it in view.
    mutating func keepPlace(linesBefore before: Int, after: Int) {
        let fraction = Double(scroll) / Double(max(1, before))
        scroll = Int((fraction * Double(after)).rounded())
    }

    /// Scrolls so a result that just came in shows, with the code's last lines above it.
    mutating func reveal(resultOf layout: Layout, bodyRows: Int) {
        guard let start = layout.resultStart else { return }
        let maxScroll = max(0, layout.lines.count - bodyRows)
        if start + 1 > scroll + bodyRows || layout.lines.count > scroll + bodyRows {
            scroll = min(maxScroll, max(scroll, start - 3))
        }
    }
}
