#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The terminal the interactive stepper draws on: raw mode and the alternate screen while it
/// runs, what the terminal can show, and its size, measured again after a resize.
final class StepperScreen {
    let terminal: RawTerminal
    let output: TerminalOutput
    private(set) var capabilities = TerminalCapabilities.plain
    private(set) var images = ImageOutput.none
    private(set) var geometry = ScreenGeometry()
    private(set) var cellPixels = CellPixels.typical

    init(input: Int32 = STDIN_FILENO, output: Int32 = STDOUT_FILENO) {
        terminal = RawTerminal(input: input, output: output)
        self.output = TerminalOutput(descriptor: output)
    }

    /// Detects what the terminal can show, enters raw mode and the alternate screen, and
    /// measures the window; ``close()`` undoes it, as does a terminating signal.
    func open(options: StepperOptions) throws(TerminalError) {
        capabilities = TerminalCapabilities.detect(environment: options.environment, isTerminal: true)
        images = options.images ?? ImageOutput.detect(environment: options.environment, capabilities: capabilities)
        RawTerminal.restoreOnTermination()
        RawTerminal.watchResize()
        try terminal.enterRawMode()
        output.write(TerminalOutput.enterAlternateScreen)
        measure()
    }

    /// Leaves the alternate screen and raw mode, if entered.
    func close() {
        guard terminal.isRaw else { return }
        if images == .kitty { output.write(TerminalOutput.deleteKittyImages) }
        output.write(TerminalOutput.leaveAlternateScreen)
        terminal.restore()
    }

    /// Measures the window again: its rows and columns, and the pixels of a character cell.
    func measure() {
        geometry.size = terminal.size ?? geometry.size
        cellPixels = CellPixels.measure(descriptor: terminal.output)
    }

    /// How a slide is laid out on this terminal, its answers shown as `answers`.
    func slideLayout(figureFolder: String, values: [String: String], answers: AnswerDisplay) -> SlideLayout {
        SlideLayout(
            prose: ProseLayout(capabilities: capabilities, values: values, answers: answers),
            outputs: OutputLayout(capabilities: capabilities, images: images, cellPixels: cellPixels,
                                  figureFiles: FigureFiles(folder: figureFolder), maxFigureRows: max(8, geometry.bodyRows - 2)))
    }
}
