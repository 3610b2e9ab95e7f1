import LessonModel

/// How long a cell may run, and which setting says so: the cell's `timeout=` attribute wins,
/// then the lesson's front matter `defaults: timeout`, then the course-wide `--timeout`.
struct TimeLimit: Equatable {
    /// Where a limit is set, most specific first.
    enum Source: Equatable {
        case cellAttribute, lessonDefault, courseWide
    }

    var seconds: Double
    var source: Source

    /// The limit of `cell`, or nil when nothing sets one.
    init?(cell: Cell, lesson: Lesson, courseWide: Double?) {
        if let seconds = cell.timeLimit {
            self.init(seconds: seconds, source: .cellAttribute)
        } else if let seconds = lesson.frontMatter.defaults["timeout"].flatMap(Double.init) {
            self.init(seconds: seconds, source: .lessonDefault)
        } else if let seconds = courseWide {
            self.init(seconds: seconds, source: .courseWide)
        } else {
            return nil
        }
    }

    init(seconds: Double, source: Source) {
        self.seconds = seconds
        self.source = source
    }

    /// `60` or `0.5`: whole seconds without a decimal point.
    var formattedSeconds: String {
        seconds == seconds.rounded() && seconds < 1e15 ? String(Int(seconds)) : String(seconds)
    }

    /// How to give the cell more time, where its limit was set.
    var hint: String {
        switch source {
        case .cellAttribute:
            "raise the cell's 'timeout=' attribute, or make it do less work"
        case .lessonDefault:
            "raise 'timeout' under 'defaults' in the lesson's front matter, or give the cell its own 'timeout=' attribute"
        case .courseWide:
            "run with a larger --timeout, or give the cell a 'timeout=' attribute"
        }
    }
}
