import CourseSteps
import Figures
import Foundation
import LessonModel
import LessonParser

/// Runs the calls a lesson's cells make to one step, with the arguments the lesson writes,
/// so a benchmark trains exactly the lesson's model: the lesson is the one source of its
/// settings, and an argument it leaves out takes the step's own default.
///
/// Arguments may be literals, `.cases` of a choice, or names bound earlier by calls this
/// type ran (``bind(_:to:)``): what the lessons' training cells use. Figures the steps show
/// are captured and dropped.
struct LessonStepCall {
    let lesson: Lesson
    private var bindings: [String: StepValue] = [:]

    /// Parses the lesson at `path`.
    init(lessonAt path: String) throws {
        do {
            lesson = try LessonParser(repositoryRoot: URL(fileURLWithPath: path).deletingLastPathComponent().deletingLastPathComponent().path)
                .parse(fileAt: path).lesson
        } catch {
            throw BenchError("cannot parse \(path): \(error)", hint: "run course-bench from the course's repository, or pass --repository")
        }
    }

    /// The first statement, in lesson order, whose value is a call of step `name`, and the
    /// name it binds.
    func statement(calling name: String) throws -> (binding: String?, call: [CallArgument], cell: String) {
        for cell in lesson.cells {
            for statement in cell.statements {
                guard case .call(let callee, let arguments) = statement.expression.kind,
                      case .identifier(name) = callee.kind else { continue }
                let binding: String? = if case .binding(let identifier, _) = statement.kind { identifier.name } else { nil }
                return (binding, arguments, cell.id)
            }
        }
        throw BenchError("\(lesson.path) calls no step '\(name)'", hint: "the benchmark follows the lesson: which cell trains the model?")
    }

    /// Runs the lesson's first call of step `name` and binds its result to the name the
    /// lesson binds it to. Returns the result and the arguments used, defaults included.
    @discardableResult
    mutating func run(_ name: String) throws -> (value: StepValue, arguments: [String: String]) {
        guard let step = StepCatalog.step(named: name) else { throw BenchError("no step '\(name)' in the catalog", hint: nil) }
        let (binding, written, cell) = try statement(calling: name)
        var remaining = written
        var values: [StepValue] = [], shown: [String: String] = [:]
        for parameter in step.parameters {
            let key = parameter.label ?? "_"
            if let index = remaining.firstIndex(where: { ($0.label?.name ?? "_") == key }) {
                let value = try evaluate(remaining.remove(at: index).value, as: parameter.type, cell: cell)
                values.append(value)
                shown[key] = describe(value)
            } else if let defaultValue = parameter.defaultValue {
                values.append(defaultValue.value(as: parameter.type))
                shown[key] = defaultValue.description
            } else {
                throw BenchError("\(lesson.path), cell \(cell): \(name) is called without '\(key)'", hint: nil)
            }
        }
        if let extra = remaining.first {
            throw BenchError("\(lesson.path), cell \(cell): \(name) has no parameter '\(extra.label?.name ?? "_")'", hint: nil)
        }
        let value = try Display.capture { try step.invoke(values) }.result
        if let binding { bindings[binding] = value }
        return (value, shown)
    }

    private func evaluate(_ expression: LessonModel.Expression, as type: StepType, cell: String) throws -> StepValue {
        switch expression.kind {
        case .integer(let value): return type == .double ? .double(Double(value)) : .int(value)
        case .floatingPoint(let value): return .double(value)
        case .string(let value): return .string(value)
        case .boolean(let value): return .bool(value)
        case .implicitMember(let name): return .choice(name.name, type: type)
        case .identifier(let name):
            guard let value = bindings[name] else {
                throw BenchError("\(lesson.path), cell \(cell): '\(name)' is not bound by a call the benchmark ran", hint: nil)
            }
            return value
        default:
            throw BenchError("\(lesson.path), cell \(cell): an argument the benchmark cannot evaluate", hint: "use a literal or a name")
        }
    }

    private func describe(_ value: StepValue) -> String {
        switch value {
        case .int(let v): String(v)
        case .double(let v): String(v)
        case .string(let v): v
        case .bool(let v): String(v)
        case .choice(let name, _): "." + name
        case .object(let object): type(of: object).typeName
        case .array, .void: "…"
        }
    }
}
