/// How the terminal shows an exercise's answer (`Block.answer`).
enum AnswerDisplay: Equatable, Sendable {
    /// One line saying that an answer is there and which key shows it: the stepper, until the
    /// reader asks for the answers of the slide.
    case collapsed
    /// In full, under a line saying which key hides it: the stepper, once the reader asked.
    case revealed
    /// In full, marked as the answer, with no key to press: plain output (`course step
    /// --plain`, `course run`), which is read in a pipe or a log where no key can be pressed.
    case printed

    /// The key that shows and hides the answers of the stepper's slide.
    static let key: Character = "a"
}
