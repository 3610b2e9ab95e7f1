// LessonModel: the plain values every stage passes on — a parsed `Lesson` (blocks, cells and
// their statements, each with its `SourceRange`, math as parsed formulas), what `course.yml`
// says of the course (`CourseInfo`), an `ExecutedLesson` with each cell's outputs, and
// `Diagnostic`s located like a compiler's.
