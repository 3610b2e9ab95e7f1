// course-stepper-fixture: the terminal stepper over a fixture lesson and a fake executor, so
// the tmux tests drive the real stepper without training anything.

import Foundation
import LessonModel
import LessonParser
import TerminalStepper

/// Runs the terminal stepper on a fixture lesson with a fake executor, for the tmux tests.
///
///     course-stepper-fixture LESSON.md [--plain] [--images kitty|iterm|sixel|blocks|none]
///         [--figure-folder DIR] [--step-delay-ms N]
var arguments = Array(CommandLine.arguments.dropFirst())
var options = StepperOptions(courseTitle: "Codes from distributions")
var lessonPath: String?
var stepDelay = 60

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("error: \(message)\n".utf8))
    exit(2)
}

while !arguments.isEmpty {
    let argument = arguments.removeFirst()
    func value() -> String {
        guard !arguments.isEmpty else { fail("\(argument) needs a value") }
        return arguments.removeFirst()
    }
    switch argument {
    case "--plain": options.plain = true
    case "--images":
        let name = value()
        guard let images = ImageOutput(rawValue: name) else {
            fail("unknown image output '\(name)'; use one of \(ImageOutput.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        options.images = images
    case "--figure-folder": options.figureFolder = value()
    case "--step-delay-ms":
        guard let delay = Int(value()), delay >= 0 else { fail("--step-delay-ms needs a whole number of milliseconds") }
        stepDelay = delay
    default:
        guard !argument.hasPrefix("-"), lessonPath == nil else { fail("unexpected argument '\(argument)'") }
        lessonPath = argument
    }
}

guard let lessonPath else { fail("name a lesson file") }
let lesson: Lesson
do {
    lesson = try LessonParser(repositoryRoot: FileManager.default.currentDirectoryPath).parse(fileAt: lessonPath).lesson
} catch {
    fail("\(error)")
}
let executor = FixtureExecutor(lesson: lesson, stepDelayMilliseconds: stepDelay)
exit(Stepper(lesson: lesson, executor: executor, options: options).run())
