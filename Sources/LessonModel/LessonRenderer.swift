/// The seam between the runner and a reader: a renderer turns an ``ExecutedLesson`` into what
/// a reader sees — the site's page, plain text — and never executes anything.
///
/// What every renderer of a cell shows the same way lives beside the values it reads:
/// ``ExecutedCell/outputs(captionedBy:)`` (captions), ``Lesson/reproduceCommand(cellID:)``
/// (the command that reruns a cell), and the figure file names of the `Figures` module.
public protocol LessonRenderer {
    /// What the renderer makes of a lesson: an HTML page, a text.
    associatedtype Rendering
    /// The lesson as a reader sees it, every cell with the result the runner gave it.
    func render(_ executed: ExecutedLesson) -> Rendering
}
