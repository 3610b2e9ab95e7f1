import ArgumentParser
import CourseSteps
import Foundation
import LessonRunner

/// `course steps`: the steps cells can call, with their parameters, defaults and docs.
struct StepsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "steps", abstract: "List the steps cells can call, with parameters and docs.")

    func run() throws {
        execute(console: Console())
    }

    func execute(console: Console, catalog: [Step] = StepCatalog.steps) {
        for (index, step) in catalog.enumerated() {
            if index > 0 { console.out("") }
            console.out(StepSignature(step).swiftDeclaration)
            console.out("    \(step.doc)")
            for parameter in step.parameters {
                var line = "    \(parameter.label ?? "_"): \(parameter.doc)"
                if let range = parameter.range {
                    line += " (\(Self.format(range.lowerBound, parameter.type))…\(Self.format(range.upperBound, parameter.type)))"
                }
                console.out(line)
            }
        }
    }

    private static func format(_ number: Double, _ type: StepType) -> String {
        guard type == .int else { return String(format: "%g", number) }
        return number >= Double(Int.max) ? "Int.max" : String(Int(number))
    }
}
