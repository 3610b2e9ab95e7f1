import Foundation

/// How the stepper looks and behaves; the `course step` flags map onto these.
public struct StepperOptions: Sendable {
    /// The course name shown at the left of the header.
    public var courseTitle: String
    /// Prints the whole lesson sequentially without escape codes or prompts (`--plain`), as
    /// also happens when output is not a terminal or `TERM=dumb`.
    public var plain: Bool
    /// How images are shown (`--images`); nil detects it from the terminal.
    public var images: ImageOutput?
    /// Where figures are saved when the terminal cannot show them, so the note can name a file.
    public var figureFolder: String
    /// The environment that decides colors, hyperlinks and image protocols.
    public var environment: [String: String]
    /// Draws the first screen and returns at once (restoring the terminal), to measure start-up.
    public var exitAfterFirstFrame: Bool
    /// Work the first screen need not wait for, done right after it is drawn; a warning it
    /// returns is shown in the status row. (The course tool checks here whether it was built
    /// from older library sources, which means hashing them.) Not called in plain output or
    /// with ``exitAfterFirstFrame``.
    public var afterFirstFrame: (@Sendable () -> String?)?

    public init(
        courseTitle: String = "",
        plain: Bool = false,
        images: ImageOutput? = nil,
        figureFolder: String = (NSTemporaryDirectory() as NSString).appendingPathComponent("course-figures"),
        environment: [String: String] = ProcessInfo.processInfo.environment,
        exitAfterFirstFrame: Bool = false,
        afterFirstFrame: (@Sendable () -> String?)? = nil
    ) {
        self.courseTitle = courseTitle
        self.plain = plain
        self.images = images
        self.figureFolder = figureFolder
        self.environment = environment
        self.exitAfterFirstFrame = exitAfterFirstFrame
        self.afterFirstFrame = afterFirstFrame
    }
}
