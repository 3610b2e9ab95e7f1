import CourseSteps
import Figures
import LessonModel
import NeuralNetworks
import Outputs

/// Computes a checked cell's statements: calls the steps with their arguments in parameter
/// order (defaults filled in). Each step checks its own arguments' ranges; an argument out of
/// range is reported at the argument, as the checker reports a literal out of range.
struct CellEvaluator {
    /// Gives the value of a name bound by an earlier cell (restoring it from the cache if need be).
    let input: (String) throws -> StepValue

    /// Runs the statements of `cell`; returns the values it bound, in order.
    ///
    /// A statement whose value is not bound and is not `Void` shows a one-line summary of its
    /// value, as a notebook shows the value of a cell's last expression.
    func run(_ cell: CheckedCell) throws -> [(name: String, value: StepValue)] {
        var local: [String: StepValue] = [:]
        var bound: [(name: String, value: StepValue)] = []
        for statement in cell.statements {
            let value = try evaluate(statement.expression, local: local, cellID: cell.cell.id)
            if let name = statement.binding?.name {
                local[name] = value
                bound.append((name, value))
            } else if let summary = Self.summary(of: value) {
                Display.show(text: summary)
            }
        }
        return bound
    }

    /// The comparisons evaluated for one call's arguments, as "3 >= 5", so that a claim that
    /// does not hold can say what it compared.
    private final class Comparisons {
        var shown: [String] = []
    }

    private func evaluate(_ expression: ResolvedExpression, local: [String: StepValue], cellID: String,
                          comparisons: Comparisons? = nil) throws -> StepValue {
        switch expression {
        case .literal(let value, _):
            return value
        case .name(let name, _, _):
            if let value = local[name] { return value }
            return try input(name)
        case .array(let elements, let element, _):
            return .array(try elements.map { try evaluate($0, local: local, cellID: cellID, comparisons: comparisons) }, element: element)
        case .binary(let op, let left, let right, _):
            let leftValue = try evaluate(left, local: local, cellID: cellID, comparisons: comparisons)
            // `&&` and `||` look at their right side only when the left does not decide, as in Swift.
            if op == .and && !leftValue.bool { return .bool(false) }
            if op == .or && leftValue.bool { return .bool(true) }
            let rightValue = try evaluate(right, local: local, cellID: cellID, comparisons: comparisons)
            let result = Self.apply(op, leftValue, rightValue)
            if op.isComparison {
                comparisons?.shown.append("\(Self.summary(of: leftValue) ?? "") \(op.rawValue) \(Self.summary(of: rightValue) ?? "")")
            }
            return .bool(result)
        case .call(let step, let receiver, let arguments, let range):
            var values: [StepValue] = []
            let compared = Comparisons()
            if let receiver { values.append(try evaluate(receiver, local: local, cellID: cellID)) }
            for (parameter, argument) in zip(step.parameters, arguments) {
                guard let argument else {
                    values.append(parameter.defaultValue?.value(as: parameter.type) ?? .void)
                    continue
                }
                values.append(try evaluate(argument, local: local, cellID: cellID, comparisons: compared))
            }
            // Steps that do not train never ask whether to stop: a cell over its time limit,
            // or interrupted, stops before its next step at the latest.
            if StepContext.current.shouldStop() { throw StepStopped() }
            do {
                return try step.invoke(values)
            } catch let stopped as StepStopped {
                throw stopped
            } catch let error as DiagnosticError {
                throw error
            } catch let error as StepError where error.kind == .argumentOutOfRange {
                throw DiagnosticError(.error(at: location(of: error.argument, in: step, arguments) ?? range.start, error.message, hint: error.hint))
            } catch let error as StepError where error.kind == .claim {
                let values = compared.shown.isEmpty ? "" : " (" + compared.shown.joined(separator: ", ") + ")"
                throw DiagnosticError(.error(at: range.start, "claim does not hold: \"\(error.message)\"\(values)", hint: error.hint))
            } catch let error as StepError {
                throw DiagnosticError(.error(
                    at: location(of: error.argument, in: step, arguments) ?? range.start, "'\(step.name)' failed: \(error.message)", hint: error.hint))
            } catch let error as TrainingError {
                // Training that blew up says which cell, and points at the learning rate when the cell gives one.
                throw DiagnosticError(.error(
                    at: location(of: "learningRate", in: step, arguments) ?? range.start,
                    "training in cell '\(cellID)' diverged: \(error.message)", hint: error.hint))
            } catch {
                throw DiagnosticError(.error(at: range.start, "'\(step.name)' failed: \(error)"))
            }
        }
    }

    /// `left op right` for two values the checker has given one type (a Double beside an
    /// integer literal has become a Double).
    static func apply(_ op: BinaryOperator, _ left: StepValue, _ right: StepValue) -> Bool {
        switch op {
        case .and: return left.bool && right.bool
        case .or: return left.bool || right.bool
        case .equal, .notEqual:
            let equal: Bool = switch (left, right) {
            case let (.int(a), .int(b)): a == b
            case let (.double(a), .double(b)): a == b
            case let (.string(a), .string(b)): a == b
            case let (.bool(a), .bool(b)): a == b
            case let (.choice(a, _), .choice(b, _)): a == b
            default: false
            }
            return op == .equal ? equal : !equal
        case .less, .lessOrEqual, .greater, .greaterOrEqual:
            let order: (less: Bool, equal: Bool) = switch (left, right) {
            case let (.int(a), .int(b)): (a < b, a == b)
            case let (.double(a), .double(b)): (a < b, a == b)
            case let (.string(a), .string(b)): (a < b, a == b)
            default: (false, false)
            }
            // NaN is neither less, equal nor greater than anything, as in Swift.
            let greater = switch (left, right) {
            case let (.double(a), .double(b)): a > b
            default: !order.less && !order.equal
            }
            switch op {
            case .less: return order.less
            case .lessOrEqual: return order.less || order.equal
            case .greater: return greater
            default: return greater || order.equal
            }
        }
    }

    /// Where the cell writes the argument labeled `label` of a call (``StepError/unlabeled``
    /// for the unlabeled one), if it writes it.
    private func location(of label: String?, in step: Step, _ arguments: [ResolvedExpression?]) -> SourceLocation? {
        guard let label else { return nil }
        return zip(step.parameters, arguments).first { ($0.0.label ?? StepError.unlabeled) == label }?.1?.range.start
    }

    /// A one-line description of a value shown by an unbound expression, nil for `Void`.
    static func summary(of value: StepValue) -> String? {
        switch value {
        case .int(let integer): String(integer)
        case .double(let double): String(double)
        case .string(let string): string
        case .bool(let bool): String(bool)
        case .array(let elements, _): "[" + elements.compactMap(summary(of:)).joined(separator: ", ") + "]"
        case .object(let object): "\(type(of: object).typeName): \(object.summary)"
        case .choice(let name, _): ".\(name)"
        case .void: nil
        }
    }
}
