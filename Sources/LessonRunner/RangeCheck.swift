import CourseSteps
import Foundation
import LessonModel

/// The allowed range of a numeric step parameter, or the allowed values of a string one,
/// checked on literals before a lesson runs and on every value (literal or bound) just before
/// the step is called.
enum RangeCheck {
    /// A value outside its parameter's range: what to say and how to fix it.
    struct Problem: Error {
        var message: String
        var hint: String
    }

    /// The problem with a resolved argument, if it is a number literal out of range.
    static func problem(_ expression: ResolvedExpression, for parameter: Step.Parameter, of step: Step) -> Problem? {
        guard case .literal(let value, _) = expression else { return nil }
        return problem(value, for: parameter, of: step)
    }

    /// The problem with a value about to be passed, if it is a number out of range (or NaN) or
    /// a string that is not one of the choices.
    static func problem(_ value: StepValue, for parameter: Step.Parameter, of step: Step) -> Problem? {
        let name = parameter.label.map { "'\($0)'" } ?? "the argument of '\(step.name)'"
        let number: Double
        switch value {
        case .int(let integer): number = Double(integer)
        case .double(let double): number = double
        case .string(let text):
            guard let choices = parameter.choices, !choices.contains(text) else { return nil }
            let quoted = choices.map { "\"\($0)\"" }
            let options = quoted.dropLast().joined(separator: ", ") + " or " + quoted.last!
            let suggestion = SpellingSuggestion.hint(for: text, among: choices).map { $0 + " " } ?? ""
            return Problem(message: "value out of range for \(name): \"\(text)\"", hint: "\(suggestion)\(name) takes \(options)")
        default: return nil
        }
        if number.isNaN {
            return Problem(message: "value out of range for \(name): nan", hint: "\(name) takes a number, not NaN")
        }
        guard let range = parameter.range, !range.contains(number) else { return nil }
        return Problem(
            message: "value out of range for \(name): \(format(value))",
            hint: "\(name) takes values from \(format(range.lowerBound, as: parameter.type)) to \(format(range.upperBound, as: parameter.type))")
    }

    private static func format(_ value: StepValue) -> String {
        switch value {
        case .int(let integer): String(integer)
        case .double(let double): format(double, as: .double)
        default: ""
        }
    }

    private static func format(_ number: Double, as type: StepType) -> String {
        if type == .int {
            return number >= Double(Int.max) ? String(Int.max) : String(Int(number))
        }
        return String(format: "%g", number)
    }
}
