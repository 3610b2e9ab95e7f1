// LessonModel: the plain values every stage passes on — a parsed `Lesson` (blocks, cells and
// their statements, each with its `SourceRange`), an `ExecutedLesson` with each cell's outputs,
// and `Diagnostic`s located like a compiler's, with the one did-you-mean (`SpellingSuggestion`).
