/// How the stepper shows image figures.
public enum ImageOutput: String, Sendable, CaseIterable {
    /// The kitty graphics protocol (kitty, ghostty, WezTerm).
    case kitty
    /// iTerm2's inline images (iTerm2, WezTerm).
    case iterm
    /// DEC sixel graphics (foot, mlterm, xterm started with sixel support).
    case sixel
    /// Colored half-block characters, two pixels per cell, in the terminal's best color depth
    /// (shades of gray without colors).
    case blocks
    /// No image: a note with the figure's caption and the file it was saved to.
    case none

    /// The best way this terminal shows images, from what the environment says about it.
    ///
    /// Inside tmux or screen the graphics protocols do not reach the outer terminal, so only
    /// characters are used there. Without color, figures become notes with their file paths.
    public static func detect(environment: [String: String], capabilities: TerminalCapabilities) -> ImageOutput {
        let term = environment["TERM"] ?? ""
        let program = environment["TERM_PROGRAM"] ?? ""
        let multiplexed = environment["TMUX"] != nil || term.hasPrefix("screen") || term.hasPrefix("tmux")
        if !multiplexed {
            if term == "xterm-kitty" || environment["KITTY_WINDOW_ID"] != nil || program == "ghostty" || term.contains("ghostty") {
                return .kitty
            }
            if program == "iTerm.app" || program == "WezTerm" || environment["LC_TERMINAL"] == "iTerm2" {
                return .iterm
            }
            if term.hasPrefix("foot") || term.hasPrefix("mlterm") || term.contains("sixel") {
                return .sixel
            }
        }
        return capabilities.colors >= .indexed256 ? .blocks : .none
    }
}
