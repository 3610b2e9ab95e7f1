import LessonModel
import LessonParser
import Testing

/// The front matter's `thumbnail:` names the cell whose figure stands for the lesson in the site
/// index; a name that is not one of the lesson's cells is an error (see the
/// `thumbnail-unknown-cell` fixture).
@Test func thumbnailNamesOneOfTheLessonsCells() throws {
    let text = """
    ---
    title: Thumbnails
    summary: The GAN's samples stand for this lesson.
    thumbnail: samples
    ---

    > ```swift cell id=samples
    > showImages(data.train, count: 8)
    > ```
    """
    let lesson = try LessonParser(repositoryRoot: Fixtures.repositoryRoot).parse(bytes: Array(text.utf8), path: "Lessons/04-thumbnails.md").lesson
    #expect(lesson.frontMatter.thumbnail == "samples")
    #expect(try Fixtures.parse(body: "Text.\n").get().lesson.frontMatter.thumbnail == nil)
}

@Test func aLessonWithoutCellsCannotNameAThumbnail() {
    let text = "---\ntitle: Prose\nsummary: No cells.\nthumbnail: samples\n---\n\nText.\n"
    let result = Result { () throws(DiagnosticError) in
        try LessonParser(repositoryRoot: Fixtures.repositoryRoot).parse(bytes: Array(text.utf8), path: "Lessons/04-prose.md")
    }
    #expect(result.diagnosticText == "Lessons/04-prose.md:4:12: error: unknown cell 'samples' in 'thumbnail'\n  hint: the lesson has no cells; remove 'thumbnail'")
}
