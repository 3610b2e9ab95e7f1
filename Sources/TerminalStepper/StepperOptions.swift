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

    public init(
        courseTitle: String = "",
        plain: Bool = false,
        images: ImageOutput? = nil,
        figureFolder: String = (NSTemporaryDirectory() as NSString).appendingPathComponent("course-figures"),
        environment: [String: String] = ProcessInfo.processInfo.environment,
        exitAfterFirstFrame: Bool = false
    ) {
        self.courseTitle = courseTitle
        self.plain = plain
        self.images = images
        self.figureFolder = figureFolder
        self.environment = environment
        self.exitAfterFirstFrame = exitAfterFirstFrame
    }
}
