import MarkupEscaping

/// Writes the course's home page: the title, and a card for every lesson with its number,
/// title, summary and one of its figures.
struct IndexRenderer {
    /// What a lesson's card shows besides the lesson's name.
    struct Card {
        var lesson: LessonLink
        /// The figure shown small, if the lesson has any.
        var thumbnail: Figure?
        var cellCount: Int
        var figureCount: Int
    }

    let shell: PageShell

    func render(_ cards: [Card]) -> String {
        var items = ""
        for card in cards {
            let thumbnail: String
            if let figure = card.thumbnail {
                // The card's text names the lesson, so the picture is decoration here.
                let imageClass = figure.isPixelArt ? " class=\"pixelated\"" : ""
                thumbnail = "<img src=\"\(MarkupEscaping.attribute(LinkResolver.encoded(figure.path)))\" alt=\"\" width=\"\(figure.width)\" height=\"\(figure.height)\"\(imageClass)>"
            } else {
                thumbnail = "<span class=\"card-thumb-number\" aria-hidden=\"true\">\(card.lesson.number)</span>"
            }
            let cells = card.cellCount == 1 ? "1 cell" : "\(card.cellCount) cells"
            let figures = card.figureCount == 1 ? "1 figure" : "\(card.figureCount) figures"
            items += """
            <li class="card">
            <a href="\(MarkupEscaping.attribute(card.lesson.page))">
            <span class="card-thumb">\(thumbnail)</span>
            <span class="card-text">
            <span class="card-number">Lesson \(card.lesson.number)</span>
            <span class="card-title">\(MarkupEscaping.text(card.lesson.title))</span>
            <span class="card-summary">\(MarkupEscaping.text(card.lesson.summary))</span>
            <span class="card-meta">\(cells) · \(figures)</span>
            </span>
            </a>
            </li>

            """
        }
        var lines = ["<h1>\(MarkupEscaping.text(shell.course.title))</h1>"]
        if !shell.course.subtitle.isEmpty { lines.append("<p class=\"home-subtitle\">\(MarkupEscaping.text(shell.course.subtitle))</p>") }
        if let author = shell.course.author { lines.append("<p class=\"home-subtitle home-author\">By \(MarkupEscaping.text(author))</p>") }
        let main = """
        <main class="home">
        <header class="home-header">
        \(lines.joined(separator: "\n"))
        </header>
        <h2 class="home-section">Lessons</h2>
        <ol class="cards">
        \(items)</ol>
        </main>

        """
        return shell.document(title: nil, description: shell.course.subtitle, currentPage: nil, main: main)
    }
}
