import ArgumentParser

/// A subcommand that writes to a ``Console`` and ends with an exit status: `run()` runs it on
/// the process's standard output and error, and tests call ``execute(console:)`` with buffers.
protocol ConsoleCommand: ParsableCommand {
    /// Runs the command; returns the exit status.
    func execute(console: Console) throws -> Int32
}

extension ConsoleCommand {
    func run() throws {
        let status = try execute(console: Console())
        if status != 0 { throw ExitCode(status) }
    }
}
