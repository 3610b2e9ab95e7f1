import Foundation
import Testing
import TerminalStepper

/// The stepper in a real terminal: tmux runs the fixture program in a detached window of a
/// fixed size, keys go in with `send-keys`, and the screen is read with `capture-pane`.
@Suite(.serialized, .enabled(if: TmuxSession.isAvailable))
struct StepperTerminalTests {
    /// Starts the fixture; `delay` slows each training step so a test can watch it.
    private func start(delay: Int = 40, columns: Int = 100, environment: [String: String] = [:]) throws -> TmuxSession {
        let session = try TmuxSession(
            command: try StepperFixture.command("--step-delay-ms \(delay)", figureFolder: StepperFixture.temporaryFolder(), environment: environment),
            columns: columns)
        try session.waitFor("the first screen") { $0.contains("q quit") }
        return session
    }

    private static func header(_ screen: String) -> String {
        String(screen.split(separator: "\n", omittingEmptySubsequences: false).first ?? "")
    }

    @Test func firstScreenShowsTitleProseCodeAndLegend() throws {
        let session = try start()
        let screen = try session.screen()
        let header = Self.header(screen)
        #expect(header.contains("Codes from distributions › 3. Codes from a latent space"))
        #expect(header.contains("cell 1 of 3"))
        #expect(screen.contains("A variational autoencoder maps each image x to a mean μ"))
        #expect(screen.contains("D_(KL) = ½ ∑ⱼ(μⱼ² + σⱼ² − log σⱼ² − 1)"))
        #expect(screen.contains("• shuffle the images and cut them into batches"))
        #expect(screen.contains("│ A small latent space"))
        #expect(screen.contains("reconstruction  how far the decoded image is"))
        #expect(screen.contains("│ let model = trainVAE(on: data, latentSize: 2, epochs: 3, seed: 7)"))
        #expect(screen.contains("⏎ run  r rerun fresh  s skip  b back  n/p page  ↑↓ scroll  q quit"))
        // The code is highlighted: `let` is a keyword in bold.
        let styled = try session.screen(escapes: true)
        #expect(styled.contains("\u{1B}[1m") && styled.contains("let"))
    }

    @Test func runningShowsProgressThenFigures() throws {
        let session = try start()
        try session.send("Enter")
        let running = try session.waitFor("the progress bar") { $0.contains("▶ running train  epoch") && $0.contains("%") }
        #expect(running?.contains("Ctrl-C stop the cell") == true)
        #expect(running?.contains("samples/s") == true)
        // The body and the key legend are drawn in separate writes: wait for both.
        let done = try session.waitFor("the finished cell") { $0.contains("✓ ran in") && $0.contains("⏎ next") }
        #expect(done?.contains("reconstruction  ") == true)
        #expect(done?.unicodeScalars.contains { (0x2801...0x28FF).contains($0.value) } == true, "a braille chart")
        #expect(done?.contains("⏎ next") == true)

        try session.send("Enter")
        try session.waitFor("the second cell") { Self.header($0).contains("cell 2 of 3") }
        try session.send("Enter")
        let figure = try session.waitFor("the image grid") { $0.contains("Samples from the prior") && $0.contains("▀") }
        #expect(figure?.contains("✓ ran in") == true)
        let colored = try session.screen(escapes: true)
        #expect(colored.contains("▀") && colored.contains("8;5;"), "half blocks in 256 colors inside tmux")
    }

    /// The screen's text with every run of spaces and line breaks made one space, so wrapped
    /// text can be searched for whole.
    private static func collapsed(_ screen: String) -> String {
        screen.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    @Test func theCellsCaptionIsShownInFullUnderItsFigure() throws {
        let caption = "Loss per epoch of the tiny VAE on the shapes: the reconstruction term falls with every epoch, "
            + "while the KL term, which keeps the codes near the prior, grows as they spread out"
        let session = try start()
        let first = try session.screen()
        #expect(first.split(separator: "\n").contains { $0.trimmingCharacters(in: .whitespaces) == "┌─ cell 1 of 3 · train" },
                "the cell's title bar stays short")
        try session.send("Enter")
        try session.waitFor("the finished cell") { $0.contains("✓ ran in") }
        try session.send("G")
        let end = try session.waitFor("the caption under the chart") { $0.contains("as they spread out") }
        let screen = end ?? ""
        #expect(Self.collapsed(screen).contains("━ reconstruction ━ KL " + caption), "the whole caption, right under the chart's legend")
        #expect(!screen.contains("Training loss per epoch"), "the cell's caption replaces the step's")
        #expect(screen.split(separator: "\n").allSatisfy { TextWidth.of(String($0)) <= 100 })
    }

    @Test func longCodeLinesBreakAtSpacesWithMarkedContinuations() throws {
        let session = try start()
        try session.send("s")
        let screen = try session.waitFor("the second cell") { Self.header($0).contains("cell 2 of 3") } ?? ""
        let lines = screen.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        let start = try #require(lines.firstIndex { $0.hasPrefix("│ let history = try model.train(") })
        #expect(lines[start + 1].hasPrefix("│ ↪ "), "the continuation is marked")
        let shown = (lines[start] + " " + lines[start + 1]).split(separator: " ").filter { $0 != "│" && $0 != "↪" }.joined(separator: " ")
        #expect(shown == "let history = try model.train(on: data.images, epochs: 3, batchSize: 24, optimizer: "
            + "Adam(parameters: model.parameters, learningRate: 3e-3))", "every token whole")
    }

    @Test func skipAndBackMoveBetweenCells() throws {
        let session = try start()
        try session.send("s")
        let second = try session.waitFor("the second cell") { Self.header($0).contains("cell 2 of 3") }
        #expect(second?.contains("Skipped cell train.") == true)
        #expect(second?.contains("│ showSamples(model, count: 16)") == true)
        try session.send("s")
        try session.waitFor("the third cell") { Self.header($0).contains("cell 3 of 3") && $0.contains("Where the codes land") }
        try session.send("s")
        let end = try session.waitFor("the end of the lesson") { Self.header($0).contains("end · 3 cells") }
        #expect(end?.contains("■ end of lesson") == true)
        #expect(end?.contains("That is the whole lesson") == true)
        try session.send("b")
        try session.waitFor("the third cell again") { Self.header($0).contains("cell 3 of 3") }
        try session.send("b")
        try session.waitFor("the second cell again") { Self.header($0).contains("cell 2 of 3") }
    }

    @Test func anAnswerIsOneLineUntilTheAnswersKeyRevealsIt() throws {
        let session = try start()
        #expect(try session.screen().contains("a answers") == false, "the first slide has no answers")
        for _ in 0..<3 { try session.send("s") }
        let end = try session.waitFor("the end of the lesson") { Self.header($0).contains("end · 3 cells") && $0.contains("q quit") }
        #expect(end?.contains("▸ Answer — press a to show") == true)
        #expect(end?.contains("the prior's mean") == false, "the answer is hidden until asked for")
        #expect(end?.contains("a answers") == true, "the legend lists the answers key")
        try session.send("a")
        let shown = try session.waitFor("the answer") { $0.contains("the prior's mean") }
        #expect(shown?.contains("▾ Answer — press a to hide") == true)
        #expect(shown?.contains("│ Its gradient with respect to μ is μ itself") == true)
        try session.send("a")
        let hidden = try session.waitFor("the answer folded again") { $0.contains("▸ Answer — press a to show") }
        #expect(hidden?.contains("the prior's mean") == false)
    }

    @Test func aSkippedCellThatIsNeededTrainsFirstWithItsProgressShown() throws {
        let session = try start()
        try session.send("s")
        try session.waitFor("the second cell") { Self.header($0).contains("cell 2 of 3") }
        try session.send("Enter")
        try session.waitFor("the needed cell's training") { $0.contains("▶ running samples · training train first  epoch") }
        try session.waitFor("the samples") { $0.contains("✓ ran in") && $0.contains("▀") }
    }

    @Test func quitRestoresTheTerminal() throws {
        let session = try start()
        try session.quitAndExpectTheTerminalRestored()
        // Back on the main screen: the stepper's frame is gone.
        #expect(try !session.screen().contains("q quit"))
    }

    @Test func quitWhileRunningStopsTheCellAndRestores() throws {
        let session = try start(delay: 200)
        try session.send("Enter")
        try session.waitFor("the progress bar") { $0.contains("▶ running train") }
        try session.quitAndExpectTheTerminalRestored()
    }

    @Test func resizeRewrapsTheProse() throws {
        let session = try start()
        let wide = try session.screen()
        #expect(wide.contains("A variational autoencoder maps each image x to a mean μ and a spread σ, and the loss adds the"))
        try session.resize(columns: 50, rows: 30)
        // The whole redraw must be on screen, not just its first lines.
        let narrow = try session.waitFor("the narrow layout") { screen in
            screen.split(separator: "\n").contains { $0.trimmingCharacters(in: .whitespaces) == "A variational autoencoder maps each image x to a" }
                && screen.contains("\n• encode, sample a code with the reparametrization\n  trick, decode")
                && screen.contains("cell 1 of 3")
        }
        let lines = (narrow ?? "").split(separator: "\n")
        #expect(lines.allSatisfy { $0.unicodeScalars.count <= 50 }, "every line fits 50 columns")
        #expect(narrow?.contains("cell 1 of 3") == true)
        #expect(narrow?.contains("\n• encode, sample a code with the reparametrization\n  trick, decode") == true, "list items wrap under their text")
        try session.resize(columns: 100, rows: 30)
        try session.waitFor("the wide layout again") { $0.contains("a mean μ and a spread σ, and the loss adds the") }
    }

    @Test func ctrlCStopsARunningCellAndCachesNothing() throws {
        let session = try start(delay: 150)
        try session.send("Enter")
        try session.waitFor("the progress bar") { $0.contains("▶ running train  epoch") }
        try session.send("C-c")
        let stopped = try session.waitFor("the interrupted cell") { $0.contains("■ interrupted after") }
        #expect(stopped?.contains("nothing of it was cached") == true)
        #expect(stopped?.contains("⏎ run  r rerun fresh") == true, "back at the prompt")
        // Nothing was cached: running it again trains again instead of restoring.
        try session.send("Enter")
        try session.waitFor("training again") { $0.contains("▶ running train") }
        try session.send("C-c")
        try session.waitFor("the second interruption") { $0.contains("■ interrupted after") }
        try session.quitAndExpectTheTerminalRestored()
    }

    @Test func anInterruptedRerunKeepsTheCachedResult() throws {
        let session = try start(delay: 100)
        try session.send("Enter")
        try session.waitFor("the finished cell", timeout: 60) { $0.contains("✓ ran in") }
        try session.send("r")
        try session.waitFor("the fresh rerun") { $0.contains("▶ running train  epoch") }
        try session.send("C-c")
        try session.waitFor("the interrupted rerun") { $0.contains("■ interrupted after") }
        try session.send("Enter")
        let restored = try session.waitFor("the cached result") { $0.contains("✓ from the cache") }
        #expect(restored?.contains("(the run took 1.5 s)") == true)
        #expect(restored?.contains("reconstruction  ") == true)
    }

    @Test func noColorLeavesOutColors() throws {
        let session = try start(environment: ["NO_COLOR": "1"])
        let first = try session.screen(escapes: true)
        #expect(EscapeCodes.colorParameters(in: first).isEmpty, "no color escape codes under NO_COLOR")
        #expect(!EscapeCodes.colorParameters(in: try start().screen(escapes: true)).isEmpty, "colors without NO_COLOR")
        #expect(first.contains("\u{1B}[1m"), "bold is still allowed")
        #expect(first.contains("`latentSize`"), "inline code keeps its backticks without color")
        try session.send("Enter")
        try session.waitFor("the finished cell") { $0.contains("✓ ran in") }
        let result = try session.screen(escapes: true)
        #expect(EscapeCodes.colorParameters(in: result).isEmpty, "the chart and status have no color either")
    }

    @Test func termDumbPrintsPlainly() throws {
        let session = try TmuxSession(
            command: try StepperFixture.command("--step-delay-ms 0", figureFolder: StepperFixture.temporaryFolder(), environment: ["TERM": "dumb"]))
        let screen = try session.waitFor("the plain output") { $0.contains("STEPPER-EXIT=") }
        #expect(screen?.contains("That is the whole lesson") == true)
        #expect(screen?.contains("q quit") == false, "no prompts")
    }
}
