import LessonModel
import Testing

/// The command a renderer shows to rerun a cell names the lesson by number and reruns fresh,
/// not from the cache.
@Test func reproduceCommandRerunsTheCellFresh() {
    let lesson = Lesson(path: "Lessons/02-vae-loss.md", slug: "vae-loss", number: 2,
                        frontMatter: FrontMatter(title: "The VAE loss", summary: ""), blocks: [])
    #expect(lesson.reproduceCommand(cellID: "train") == "course run 2 --cell train --fresh")
}
