#if canImport(Glibc)
import Glibc
import Testing
@testable import TerminalStepper

// The pseudo-terminal functions are not in the Glibc module map (they need _XOPEN_SOURCE).
@_silgen_name("posix_openpt") private func openPseudoTerminal(_ flags: Int32) -> Int32
@_silgen_name("grantpt") private func grantPseudoTerminal(_ descriptor: Int32) -> Int32
@_silgen_name("unlockpt") private func unlockPseudoTerminal(_ descriptor: Int32) -> Int32
@_silgen_name("ptsname") private func pseudoTerminalName(_ descriptor: Int32) -> UnsafeMutablePointer<CChar>?

/// Raw mode, keys and window size on a real pseudo-terminal pair.
@Suite(.serialized) struct RawTerminalTests {
    struct PseudoTerminal {
        let controller: Int32
        let device: Int32

        init() throws {
            controller = openPseudoTerminal(O_RDWR | O_NOCTTY)
            try #require(controller >= 0)
            try #require(grantPseudoTerminal(controller) == 0 && unlockPseudoTerminal(controller) == 0)
            let name = try #require(pseudoTerminalName(controller))
            device = open(name, O_RDWR | O_NOCTTY)
            try #require(device >= 0)
        }

        func type(_ text: String) {
            let bytes = Array(text.utf8)
            _ = bytes.withUnsafeBytes { write(controller, $0.baseAddress, $0.count) }
        }

        func localFlags() -> tcflag_t {
            var settings = termios()
            tcgetattr(device, &settings)
            return settings.c_lflag
        }

        func close() {
            Glibc.close(device)
            Glibc.close(controller)
        }
    }

    @Test func rawModeReadsKeysAndRestores() throws {
        let pty = try PseudoTerminal()
        defer { pty.close() }
        let terminal = RawTerminal(input: pty.device, output: pty.device)
        #expect(terminal.isTerminal)
        #expect(pty.localFlags() & tcflag_t(ICANON) != 0)
        try terminal.enterRawMode()
        #expect(pty.localFlags() & tcflag_t(ICANON | ECHO | ISIG) == 0)

        pty.type("\u{1B}[Aq\u{3}é\r \u{1B}[6~")
        let reader = KeyReader(descriptor: pty.device)
        var keys: [Key] = []
        for _ in 0..<7 {
            guard case .key(let key)? = try reader.next(timeoutMilliseconds: 1000) else { break }
            keys.append(key)
        }
        #expect(keys == [.up, .character("q"), .interrupt, .character("é"), .enter, .space, .pageDown])

        // A lone ESC becomes the Escape key once the rest of a sequence fails to arrive.
        pty.type("\u{1B}")
        #expect(try reader.next(timeoutMilliseconds: 1000) == .key(.escape))
        #expect(try reader.next(timeoutMilliseconds: 20) == nil)

        terminal.restore()
        #expect(pty.localFlags() & tcflag_t(ICANON | ECHO | ISIG) == tcflag_t(ICANON | ECHO | ISIG))
        terminal.restore()
    }

    @Test func keepSignalsLeavesCtrlCAsSIGINT() throws {
        let pty = try PseudoTerminal()
        defer { pty.close() }
        let terminal = RawTerminal(input: pty.device, output: pty.device)
        try terminal.enterRawMode(keepSignals: true)
        #expect(pty.localFlags() & tcflag_t(ISIG) != 0)
        #expect(pty.localFlags() & tcflag_t(ICANON) == 0)
        terminal.restore()
    }

    @Test func theSignalPathRestoresSettings() throws {
        let pty = try PseudoTerminal()
        defer { pty.close() }
        let terminal = RawTerminal(input: pty.device, output: pty.device)
        try terminal.enterRawMode()
        TerminationRestore.restoreNow()
        #expect(pty.localFlags() & tcflag_t(ICANON) != 0)
    }

    /// A real SIGINT in a child process on the pseudo-terminal: the handler restores the
    /// settings, writes the reset sequence, and the child still dies of SIGINT.
    @Test func sigintRestoresTheTerminalAndStillEndsTheProcess() throws {
        let pty = try PseudoTerminal()
        defer { pty.close() }
        let terminal = RawTerminal(input: pty.device, output: pty.device)
        TerminationRestore.forget(descriptor: -2)  // initialize the handler's state before forking
        let child = fork()
        try #require(child >= 0)
        if child == 0 {
            // Only async-signal-safe work from here: the parent has other threads.
            do { try terminal.enterRawMode() } catch { _exit(2) }
            RawTerminal.restoreOnTermination()
            // The test runner's threads block SIGINT; a fork inherits that mask.
            var interrupt = sigset_t()
            sigemptyset(&interrupt)
            sigaddset(&interrupt, SIGINT)
            sigprocmask(SIG_UNBLOCK, &interrupt, nil)
            raise(SIGINT)
            _exit(3)
        }
        var status: Int32 = 0
        #expect(waitpid(child, &status, 0) == child)
        let signalled = status & 0x7F
        #expect(signalled == SIGINT, "child status \(status)")
        #expect(pty.localFlags() & tcflag_t(ICANON | ECHO | ISIG) == tcflag_t(ICANON | ECHO | ISIG))
        var request = pollfd(fd: pty.controller, events: Int16(POLLIN), revents: 0)
        try #require(poll(&request, 1, 2000) == 1, "nothing written to the terminal")
        var bytes = [UInt8](repeating: 0, count: 256)
        let count = bytes.withUnsafeMutableBytes { read(pty.controller, $0.baseAddress, $0.count) }
        #expect(String(decoding: bytes.prefix(max(0, count)), as: UTF8.self).contains("\u{1B}[?25h"))
    }

    @Test func readsTheWindowSize() throws {
        let pty = try PseudoTerminal()
        defer { pty.close() }
        var window = winsize()
        window.ws_col = 93
        window.ws_row = 27
        #expect(ioctl(pty.controller, UInt(TIOCSWINSZ), &window) == 0)
        #expect(RawTerminal(input: pty.device, output: pty.device).size == TerminalSize(columns: 93, rows: 27))
        let notATerminal = open("/dev/null", O_RDWR)
        defer { close(notATerminal) }
        #expect(RawTerminal(input: notATerminal, output: notATerminal).size == nil)
        #expect(!RawTerminal(input: notATerminal, output: notATerminal).isTerminal)
    }

    @Test func endOfInputIsAnError() throws {
        var pipeEnds: [Int32] = [0, 0]
        #expect(pipe(&pipeEnds) == 0)
        close(pipeEnds[1])
        defer { close(pipeEnds[0]) }
        #expect(throws: TerminalError.endOfInput) { _ = try KeyReader(descriptor: pipeEnds[0]).next(timeoutMilliseconds: 1000) }
    }

    @Test func resizeSignalsArriveAsInput() throws {
        let pty = try PseudoTerminal()
        defer { pty.close() }
        let terminal = RawTerminal(input: pty.device, output: pty.device)
        try terminal.enterRawMode()
        defer { terminal.restore() }
        RawTerminal.watchResize()
        let reader = KeyReader(descriptor: pty.device)
        kill(getpid(), SIGWINCH)
        #expect(try reader.next(timeoutMilliseconds: 5000) == .resize)
        // The resize was consumed; a key typed afterwards comes next.
        pty.type("j")
        #expect(try reader.next(timeoutMilliseconds: 1000) == .key(.character("j")))
    }
}
#endif
