import CourseSteps
import LessonModel

/// An expression after checking: every call bound to its step, every name to its type, so the
/// evaluator only computes and never has to look anything up or report a type error.
indirect enum ResolvedExpression: Sendable {
    /// A literal value, as written.
    case literal(StepValue, range: SourceRange)
    /// A name bound by `let` in this or an earlier cell.
    case name(String, type: StepType, range: SourceRange)
    /// An array literal whose elements all have type `element`.
    case array([ResolvedExpression], element: StepType, range: SourceRange)
    /// A call of a step (a property read is a call without arguments). `arguments` has one entry
    /// per parameter, in parameter order; nil means the parameter's default.
    case call(Step, receiver: ResolvedExpression?, arguments: [ResolvedExpression?], range: SourceRange)
    /// Two values joined by an operator; the result is a Bool.
    case binary(BinaryOperator, ResolvedExpression, ResolvedExpression, range: SourceRange)

    /// The expression's span in the lesson file.
    var range: SourceRange {
        switch self {
        case .literal(_, let range), .name(_, _, let range), .array(_, _, let range), .call(_, _, _, let range),
             .binary(_, _, _, let range): range
        }
    }

    /// The names of earlier bindings the expression reads.
    var names: [String] {
        switch self {
        case .literal: []
        case .name(let name, _, _): [name]
        case .array(let elements, _, _): elements.flatMap(\.names)
        case .call(_, let receiver, let arguments, _): (receiver?.names ?? []) + arguments.compactMap { $0 }.flatMap(\.names)
        case .binary(_, let left, let right, _): left.names + right.names
        }
    }

    /// Every step the expression calls.
    var steps: [Step] {
        switch self {
        case .literal, .name: []
        case .array(let elements, _, _): elements.flatMap(\.steps)
        case .call(let step, let receiver, let arguments, _): [step] + (receiver?.steps ?? []) + arguments.compactMap { $0 }.flatMap(\.steps)
        case .binary(_, let left, let right, _): left.steps + right.steps
        }
    }
}

/// A statement after checking.
struct ResolvedStatement: Sendable {
    /// The name bound by `let`, if any.
    var binding: Identifier?
    /// The value computed.
    var expression: ResolvedExpression
    /// The value's type.
    var type: StepType
}
