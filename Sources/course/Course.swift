import ArgumentParser

@main
struct Course: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "course",
        abstract: "A literate course runner for generative models.",
        subcommands: []
    )
}
