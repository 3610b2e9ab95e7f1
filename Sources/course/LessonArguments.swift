import ArgumentParser

/// The one lesson a command works on (`course run`, `course step`): a path, a slug or a number.
struct LessonArgument: ParsableArguments {
    @Argument(help: ArgumentHelp("The lesson: a path, a slug or a number.", valueName: "lesson"))
    var name: String

    func validate() throws {
        guard !name.trimmingCharacters(in: .whitespaces).isEmpty else { throw ValidationError("name a lesson: a path, a slug or a number") }
    }
}

/// What a command that runs one lesson takes (`course run`, `course step`): the repository,
/// the cells' time limit, the lesson, and whether warnings count as errors.
struct LessonRunOptions: ParsableArguments {
    @OptionGroup var repository: RepositoryOptions
    @OptionGroup var timeLimit: TimeLimitOption
    @OptionGroup var lesson: LessonArgument
    @OptionGroup var strictness: WarningsOption
}

/// The lessons a command works on (`course check`, `course verify`), every lesson when none is
/// named; each command says in its own help what it does with them.
enum LessonsArgument {
    static func validate(_ lessons: [String]) throws {
        if lessons.contains(where: { $0.trimmingCharacters(in: .whitespaces).isEmpty }) {
            throw ValidationError("a lesson name cannot be empty")
        }
    }
}
