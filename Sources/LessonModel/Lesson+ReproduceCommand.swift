extension Lesson {
    /// The command line that reruns the cell `cellID` from scratch and writes its figures
    /// again: `course run 2 --cell train --fresh`. Renderers show it beside a cell's result;
    /// the runner neither builds nor stores it.
    public func reproduceCommand(cellID: String) -> String {
        "course run \(number) --cell \(cellID) --fresh"
    }
}
