// course: the command-line tool, one file per subcommand (swift-argument-parser) plus the option
// groups and console they share; LessonRunner and the renderers do the work.

import ArgumentParser

@main
struct Course: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "course",
        abstract: "A literate course runner for generative models.",
        subcommands: [BuildCommand.self, StepCommand.self, RunCommand.self, VerifyCommand.self, ListCommand.self, StepsCommand.self, CheckCommand.self,
                      DoctorCommand.self, PreviewCommand.self]
    )
}
