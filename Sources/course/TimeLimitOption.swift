import ArgumentParser

/// `--timeout SECONDS`, shared by the commands that run cells: the course-wide time limit of a
/// cell, for cells whose own `timeout=` attribute and lesson `defaults: timeout` set none.
struct TimeLimitOption: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "Stop any cell that runs longer than this many seconds, unless its 'timeout=' attribute or its lesson's 'defaults: timeout' says otherwise.",
        valueName: "seconds"))
    var timeout: Double?

    func validate() throws {
        if let timeout, !(timeout.isFinite && timeout > 0) {
            throw ValidationError("--timeout must be a positive number of seconds, not \(timeout)")
        }
    }
}
