import ArgumentParser

@main
struct Course: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "course",
        abstract: "A literate course runner for generative models.",
        subcommands: [RunCommand.self, ListCommand.self, StepsCommand.self, CheckCommand.self, VerifyCommand.self]
    )
}
