import Spelling
import CourseSteps
import LessonModel

/// Checks a lesson's cells without running them, the way the Swift compiler would check them
/// against the library: every call resolved against the step catalog, labels in order, types,
/// literal ranges, names bound before use and bound once.
///
/// Every problem of the whole lesson is collected, each located at the offending token.
public struct CellChecker {
    /// The steps cells may call.
    public let catalog: [Step]

    /// Creates a checker for the steps of `catalog`.
    public init(catalog: [Step] = StepCatalog.steps) {
        self.catalog = catalog
    }

    /// Checks every cell of `lesson`; throws all errors found (with any warnings), or returns the
    /// resolved lesson and its warnings. Names in `unparsed` are taken as bound to something
    /// that cannot be checked (the `let` statements the parser could not read), so their uses
    /// report nothing more.
    public func check(_ lesson: Lesson, unparsed: Set<String> = []) throws(DiagnosticError) -> (lesson: CheckedLesson, warnings: [Diagnostic]) {
        var pass = Pass(catalog: catalog)
        pass.poisoned = unparsed
        var cells: [CheckedCell] = []
        for cell in lesson.cells {
            cells.append(pass.check(cell))
        }
        for value in lesson.inlineValues {
            pass.check(value)
        }
        if pass.diagnostics.contains(where: { $0.severity == .error }) {
            throw DiagnosticError(pass.diagnostics)
        }
        return (CheckedLesson(lesson: lesson, cells: cells), DiagnosticError(pass.diagnostics).diagnostics)
    }
}

/// One walk over a lesson's cells, carrying the names bound so far.
private struct Pass {
    struct Binding {
        var type: StepType
        var cellID: String
        var identifier: Identifier
    }

    let catalog: [Step]
    var diagnostics: [Diagnostic] = []
    var scope: [String: Binding] = [:]
    /// Names whose binding failed to check: uses of them report nothing more, so one mistake
    /// does not cascade into an "undefined name" at every later use.
    var poisoned: Set<String> = []
    /// Where each name was first bound, whether or not its value checked.
    var firstBindings: [String: Identifier] = [:]

    init(catalog: [Step]) {
        self.catalog = catalog
    }

    var functionNames: [String] {
        catalog.filter { $0.kind == .function }.map(\.name)
    }

    mutating func check(_ cell: Cell) -> CheckedCell {
        var statements: [ResolvedStatement] = []
        var bindings: [(name: String, type: StepType)] = []
        var inputs: [String] = []
        var dependencies: Set<String> = []
        for statement in cell.statements {
            let resolved = resolve(statement.expression, expected: nil)
            if let (expression, _) = resolved {
                for name in expression.names where scope[name]?.cellID != cell.id && !inputs.contains(name) {
                    inputs.append(name)
                    if let producer = scope[name]?.cellID { dependencies.insert(producer) }
                }
            }
            switch statement.kind {
            case .binding(let name, _):
                guard declare(name, in: cell, type: resolved?.type) else { continue }
                guard let (expression, type) = resolved else { continue }
                if type == .void {
                    diagnostics.append(.warning(
                        at: name.range.start, "'\(name.name)' is bound to the result of a step that returns nothing",
                        hint: "call the step on its own line without 'let'"))
                }
                statements.append(ResolvedStatement(binding: name, expression: expression, type: type))
                bindings.append((name.name, type))
            case .expression:
                guard let (expression, type) = resolved else { continue }
                statements.append(ResolvedStatement(binding: nil, expression: expression, type: type))
            }
        }
        return CheckedCell(
            cell: cell, statements: statements, dependencies: Array(dependencies).sorted(),
            bindings: bindings, inputs: inputs)
    }

    /// Adds `name` to the scope; false (with a diagnostic) when the name is taken.
    private mutating func declare(_ name: Identifier, in cell: Cell, type: StepType?) -> Bool {
        if let first = firstBindings[name.name] {
            diagnostics.append(.error(
                at: name.range.start, "duplicate name '\(name.name)'",
                hint: "a lesson binds each name once; choose another name",
                notes: [.note(at: first.range.start, "'\(name.name)' is first bound here")]))
            return false
        }
        firstBindings[name.name] = name
        if functionNames.contains(name.name) {
            diagnostics.append(.error(
                at: name.range.start, "'\(name.name)' is the name of a step",
                hint: "choose another name, so that the step can still be called"))
            poisoned.insert(name.name)
            return false
        }
        guard let type else {
            poisoned.insert(name.name)
            return false
        }
        scope[name.name] = Binding(type: type, cellID: cell.id, identifier: name)
        return true
    }

    // MARK: Expressions

    /// Resolves `expression`; `expected` is the type the context needs, if known (it lets an
    /// integer literal stand for a Double and gives an empty array its element type).
    private mutating func resolve(_ expression: Expression, expected: StepType?) -> (expression: ResolvedExpression, type: StepType)? {
        let range = expression.range
        switch expression.kind {
        case .integer(let value):
            if expected == .double { return (.literal(.double(Double(value)), range: range), .double) }
            return (.literal(.int(value), range: range), .int)
        case .floatingPoint(let value):
            return (.literal(.double(value), range: range), .double)
        case .string(let value):
            return (.literal(.string(value), range: range), .string)
        case .boolean(let value):
            return (.literal(.bool(value), range: range), .bool)
        case .identifier(let name):
            return resolveName(name, range: range)
        case .array(let elements):
            return resolveArray(elements, expected: expected, range: range)
        case .member(let base, let name):
            return resolveMember(of: base, name: name, range: range)
        case .implicitMember(let name):
            return resolveCase(name, expected: expected, range: range)
        case .binary(let op, let left, let right):
            return resolveBinary(op, left, right, range: range)
        case .call(let callee, let arguments):
            return resolveCall(callee, arguments: arguments, range: range)
        }
    }

    private mutating func resolveName(_ name: String, range: SourceRange) -> (expression: ResolvedExpression, type: StepType)? {
        if let binding = scope[name] { return (.name(name, type: binding.type, range: range), binding.type) }
        if poisoned.contains(name) { return nil }
        if functionNames.contains(name) {
            diagnostics.append(.error(at: range.start, "step '\(name)' is not called", hint: "write '\(name)(…)'"))
            return nil
        }
        // `Double.nan` and the like: what a lesson writes to pass a value no literal can.
        if ["Double", "Float", "Int", "String", "Bool"].contains(name) {
            diagnostics.append(.error(
                at: range.start, "cells cannot use Swift's type '\(name)'",
                hint: "write the value as a literal, like 0.001 or 1e-3; NaN and infinity cannot be written in a cell"))
            return nil
        }
        diagnostics.append(.misspelled(
            name, at: range, "undefined name '\(name)'", among: firstBindings.keys.sorted(),
            hint: { $0 ?? "bind it with 'let \(name) = …' in this or an earlier cell" }))
        return nil
    }

    /// `a >= b`, `a && b`: comparisons of two numbers (an integer literal standing for a Double
    /// beside a Double, as in Swift), two strings, or two values of one type for `==` and `!=`;
    /// `&&` and `||` join Bools. The result is a Bool.
    private mutating func resolveBinary(_ op: BinaryOperator, _ left: Expression, _ right: Expression, range: SourceRange) -> (expression: ResolvedExpression, type: StepType)? {
        if !op.isComparison {
            let resolvedLeft = resolve(left, expected: .bool), resolvedRight = resolve(right, expected: .bool)
            guard let (leftExpression, leftType) = resolvedLeft, let (rightExpression, rightType) = resolvedRight else { return nil }
            for (type, operand) in [(leftType, left), (rightType, right)] where type != .bool {
                diagnostics.append(.error(
                    at: operand.range.start, "cannot convert value of type '\(type)' to expected argument type 'Bool'",
                    hint: "'\(op.rawValue)' joins comparisons, such as 'a > 1 \(op.rawValue) b < 2'"))
                return nil
            }
            return (.binary(op, leftExpression, rightExpression, range: range), .bool)
        }
        // An integer literal takes the other side's type, as in Swift: `fd < 200` compares Doubles.
        let leftIsLiteral = if case .integer = left.kind { true } else { false }
        guard let (firstRight, rightType) = resolve(right, expected: nil) else { return nil }
        guard let (leftExpression, leftType) = resolve(left, expected: leftIsLiteral ? rightType : nil) else { return nil }
        var rightExpression = firstRight
        var type = rightType
        if leftType != rightType {
            guard let (converted, convertedType) = resolve(right, expected: leftType), convertedType == leftType else {
                diagnostics.append(.error(
                    at: range.start, "binary operator '\(op.rawValue)' cannot be applied to operands of type '\(leftType)' and '\(rightType)'",
                    hint: "compare two numbers of one type, two strings, or two values of one type"))
                return nil
            }
            (rightExpression, type) = (converted, convertedType)
        }
        let comparable: Set<StepType> = [.int, .double, .string]
        let equatable: Bool = switch type {
        case .int, .double, .string, .bool, .choice: true
        default: false
        }
        guard op.isOrdering ? comparable.contains(type) : equatable else {
            diagnostics.append(.error(
                at: range.start, "binary operator '\(op.rawValue)' cannot be applied to two '\(type)' operands",
                hint: op.isOrdering ? "order numbers or strings" : "compare numbers, strings, Bools or options"))
            return nil
        }
        return (.binary(op, leftExpression, rightExpression, range: range), .bool)
    }

    /// `.squaredError`: a case of the choice type the context expects.
    private mutating func resolveCase(_ name: Identifier, expected: StepType?, range: SourceRange) -> (expression: ResolvedExpression, type: StepType)? {
        guard let expected, case .choice(let typeName, let cases) = expected else {
            diagnostics.append(.error(
                at: range.start, "cannot infer the type of '.\(name.name)'",
                hint: "write an option such as .\(name.name) directly as the argument of a step that takes one"))
            return nil
        }
        guard cases.contains(name.name) else {
            let options = cases.map { "." + $0 }
            let list = options.count > 1 ? options.dropLast().joined(separator: ", ") + " or " + options.last! : options.joined()
            diagnostics.append(.misspelled(
                name.name, at: name.range, "type '\(typeName)' has no member '\(name.name)'", among: cases,
                hint: { ($0.map { $0 + " " } ?? "") + "\(typeName) is \(list)" }))
            return nil
        }
        return (.literal(.choice(name.name, type: expected), range: range), expected)
    }

    private mutating func resolveArray(_ elements: [Expression], expected: StepType?, range: SourceRange) -> (expression: ResolvedExpression, type: StepType)? {
        var expectedElement: StepType?
        if case .array(let element) = expected { expectedElement = element }
        if expectedElement == nil, elements.contains(where: { if case .floatingPoint = $0.kind { true } else { false } }) {
            expectedElement = .double
        }
        var resolved: [ResolvedExpression] = []
        var elementType = expectedElement
        var failed = false
        for element in elements {
            guard let (expression, type) = resolve(element, expected: elementType) else {
                failed = true
                continue
            }
            if let wanted = elementType, wanted != type {
                diagnostics.append(.error(
                    at: element.range.start, "cannot convert value of type '\(type)' to expected element type '\(wanted)'",
                    hint: "every element of an array has the same type"))
                failed = true
                continue
            }
            elementType = type
            resolved.append(expression)
        }
        if failed { return nil }
        guard let elementType else {
            diagnostics.append(.error(at: range.start, "empty array literal needs a type", hint: "pass it directly as an argument that takes an array"))
            return nil
        }
        return (.array(resolved, element: elementType, range: range), .array(elementType))
    }

    private mutating func resolveMember(of base: Expression, name: Identifier, range: SourceRange) -> (expression: ResolvedExpression, type: StepType)? {
        guard let (receiver, type) = resolve(base, expected: nil) else { return nil }
        guard let step = member(name, of: type) else { return nil }
        guard case .property = step.kind else {
            diagnostics.append(.error(at: name.range.start, "method '\(name.name)' is not called", hint: "write '\(name.name)(…)'"))
            return nil
        }
        return (.call(step, receiver: receiver, arguments: [], range: range), step.result)
    }

    private mutating func resolveCall(_ callee: Expression, arguments: [CallArgument], range: SourceRange) -> (expression: ResolvedExpression, type: StepType)? {
        switch callee.kind {
        case .identifier(let name):
            if let binding = scope[name] {
                diagnostics.append(.error(at: callee.range.start, "cannot call value of non-function type '\(binding.type)'",
                                          hint: "'\(name)' is a value bound by 'let'"))
                return nil
            }
            guard let step = catalog.first(where: { $0.name == name && $0.kind == .function }) else {
                if poisoned.contains(name) { return nil }
                diagnostics.append(.misspelled(
                    name, at: callee.range, "unknown step '\(name)'", among: functionNames,
                    hint: { $0 ?? "'course steps' lists the steps a cell can call" }))
                return nil
            }
            guard let resolved = resolveArguments(arguments, of: step, range: range) else { return nil }
            return (.call(step, receiver: nil, arguments: resolved, range: range), step.result)
        case .member(let base, let name):
            guard let (receiver, type) = resolve(base, expected: nil), let step = member(name, of: type) else { return nil }
            guard case .method = step.kind else {
                diagnostics.append(.error(
                    at: name.range.start, "cannot call value of non-function type '\(step.result)'",
                    hint: "'\(name.name)' is a property; remove the parentheses"))
                return nil
            }
            guard let resolved = resolveArguments(arguments, of: step, range: range) else { return nil }
            return (.call(step, receiver: receiver, arguments: resolved, range: range), step.result)
        default:
            guard let (_, type) = resolve(callee, expected: nil) else { return nil }
            diagnostics.append(.error(at: callee.range.start, "cannot call value of non-function type '\(type)'"))
            return nil
        }
    }

    /// The property or method `name` of values of `type`, or nil with a diagnostic.
    /// An inline value shows a name some cell of the lesson binds, through properties, ending
    /// in a number, string, Bool or option: something a sentence can hold.
    mutating func check(_ value: InlineValue) {
        guard let binding = scope[value.name] else {
            if poisoned.contains(value.name) { return }
            let nameRange = value.range(ofPart: 0)
            var diagnostic = Diagnostic.misspelled(
                value.name, at: nameRange ?? SourceRange(start: value.location, end: value.location),
                "no cell binds '\(value.name)', which the text shows", among: firstBindings.keys.sorted(), exact: nameRange != nil,
                hint: { $0 ?? "bind it in a cell with 'let \(value.name) = …'" })
            diagnostic.location = value.location
            diagnostics.append(diagnostic)
            return
        }
        var type = binding.type
        for (index, member) in value.members.enumerated() {
            let range = value.range(ofPart: index + 1)
            let identifier = Identifier(member, range: range ?? SourceRange(start: value.location, end: value.location))
            guard let step = self.member(identifier, of: type, exact: range != nil, reportedAt: value.location) else { return }
            guard case .property = step.kind else {
                diagnostics.append(.error(at: value.location, "'\(member)' is a method; the text can show properties only", hint: "bind its result in a cell, then show that"))
                return
            }
            type = step.result
        }
        switch type {
        case .int, .double, .string, .bool, .choice: break
        default:
            diagnostics.append(.error(
                at: value.location, "the text cannot show a '\(type)'",
                hint: "show one of its numbers instead, such as `{swift} \(value.expression).…`"))
        }
        if value.digits != nil && type != .double {
            diagnostics.append(.error(at: value.location, "'digits:' formats a Double, and '\(value.expression)' is a '\(type)'", hint: "remove ', digits: …'"))
        }
    }

    /// `exact` false: `name`'s range is only where to report it, not its span; `location`: where
    /// to report it instead of at the name (an inline value's span).
    private mutating func member(_ name: Identifier, of type: StepType, exact: Bool = true, reportedAt location: SourceLocation? = nil) -> Step? {
        let members = catalog.filter { step in
            switch step.kind {
            case .function: false
            case .method(let receiver), .property(let receiver): StepType.object(receiver) == type
            }
        }
        if let step = members.first(where: { $0.name == name.name }) { return step }
        var diagnostic = Diagnostic.misspelled(
            name.name, at: name.range, "value of type '\(type)' has no member '\(name.name)'", among: members.map(\.name), exact: exact,
            hint: { $0 ?? (members.isEmpty ? nil : "its members: " + members.map(\.name).joined(separator: ", ")) })
        if let location { diagnostic.location = location }
        diagnostics.append(diagnostic)
        return nil
    }

    // MARK: Arguments

    /// Matches `arguments` to the parameters of `step` as Swift does: labels in declaration order,
    /// defaulted parameters optional. Returns one entry per parameter (nil: the default).
    private mutating func resolveArguments(_ arguments: [CallArgument], of step: Step, range: SourceRange) -> [ResolvedExpression?]? {
        let parameters = step.parameters
        var matched = [CallArgument?](repeating: nil, count: parameters.count)
        var next = 0
        var failed = false
        for argument in arguments {
            let label = argument.label?.name
            if let index = parameters[next...].firstIndex(where: { $0.label == label }),
               parameters[next..<index].allSatisfy({ $0.defaultValue != nil }) {
                matched[index] = argument
                next = index + 1
                continue
            }
            failed = true
            let location = argument.range.start
            if let label, parameters[..<next].contains(where: { $0.label == label }) {
                let previous = matched[..<next].compactMap { $0?.label?.name }.last ?? "…"
                diagnostics.append(.error(
                    at: location, "argument '\(label)' must precede argument '\(previous)'",
                    hint: "write the arguments in the order of '\(signature(of: step))'"))
            } else if next < parameters.count, let wanted = parameters[next].label, label == nil {
                diagnostics.append(.error(
                    at: location, "missing argument label '\(wanted):' in call", hint: "write '\(wanted): …'"))
                next += 1
            } else if let label, next < parameters.count, parameters[next].label == nil {
                diagnostics.append(.error(
                    at: argument.label!.range.start, "extraneous argument label '\(label):' in call",
                    hint: "remove '\(label):'"))
                next += 1
            } else if let label, parameters.contains(where: { $0.label == label }) == false {
                let labels = parameters.compactMap(\.label)
                diagnostics.append(.misspelled(
                    label, at: argument.label!.range, "unknown argument label '\(label)'", among: labels,
                    hint: { $0 ?? "'\(step.name)' takes: \(signature(of: step))" }))
            } else if next >= parameters.count {
                diagnostics.append(.error(
                    at: location, "extra argument\(label.map { " '\($0)'" } ?? "") in call",
                    hint: "'\(step.name)' takes: \(signature(of: step))"))
            } else {
                let missing = parameters[next...].first { $0.defaultValue == nil }!
                diagnostics.append(.error(
                    at: location, "missing argument for parameter \(name(of: missing, in: step)) in call",
                    hint: "'\(step.name)' takes: \(signature(of: step))"))
            }
        }
        if !failed {
            for (index, parameter) in parameters.enumerated() where matched[index] == nil && parameter.defaultValue == nil {
                diagnostics.append(.error(
                    at: range.end, "missing argument for parameter \(name(of: parameter, in: step)) in call",
                    hint: "'\(step.name)' takes: \(signature(of: step))"))
                failed = true
            }
        }
        var resolved: [ResolvedExpression?] = []
        for (index, parameter) in parameters.enumerated() {
            guard let argument = matched[index] else {
                resolved.append(nil)
                continue
            }
            guard let (expression, type) = resolve(argument.value, expected: parameter.type) else {
                failed = true
                continue
            }
            guard parameter.type == type else {
                diagnostics.append(.error(
                    at: argument.value.range.start,
                    "cannot convert value of type '\(type)' to expected argument type '\(parameter.type)'",
                    hint: "\(name(of: parameter, in: step)) takes \(article(parameter.type)) \(parameter.type)"))
                failed = true
                continue
            }
            if let problem = rangeProblem(expression, for: parameter) {
                diagnostics.append(.error(at: argument.value.range.start, problem.message, hint: problem.hint))
                failed = true
                continue
            }
            resolved.append(expression)
        }
        return failed ? nil : resolved
    }

    /// The problem with a number literal outside its parameter's range, in the words the step
    /// itself would use at run time.
    private func rangeProblem(_ expression: ResolvedExpression, for parameter: Step.Parameter) -> StepError? {
        guard case .literal(let value, _) = expression, let range = parameter.range else { return nil }
        let number: Double
        switch value {
        case .int(let integer): number = Double(integer)
        case .double(let double): number = double
        default: return nil
        }
        return ArgumentRange.problem(number, in: range, isInteger: parameter.type == .int, label: parameter.label ?? StepError.unlabeled)
    }

    private func name(of parameter: Step.Parameter, in step: Step) -> String {
        if let label = parameter.label { return "'\(label)'" }
        return "#\((step.parameters.firstIndex(of: parameter) ?? 0) + 1)"
    }

    private func signature(of step: Step) -> String {
        StepSignature(step).swiftDeclaration
    }

    private func article(_ type: StepType) -> String {
        "aeiouAEIOU".contains(type.description.first ?? "x") ? "an" : "a"
    }
}

extension Diagnostic {
    /// An error about `name`, written at `range`, that may be a typo: `hint` receives the
    /// did-you-mean among `candidates` (nil when nothing is close) and returns the hint, and the
    /// suggestion becomes a fix-it. With `exact` false the range is only where the name is
    /// reported, not its span, and there is no end or fix-it.
    static func misspelled(
        _ name: String, at range: SourceRange, _ message: String, among candidates: some Sequence<String>,
        exact: Bool = true, hint: (String?) -> String?
    ) -> Diagnostic {
        let suggestion = SpellingSuggestion.closest(to: name, among: candidates)
        let diagnostic = Diagnostic.error(at: range.start, message, hint: hint(suggestion.map(SpellingSuggestion.hint(suggesting:))))
        return exact ? diagnostic.spanning(range, replacement: suggestion) : diagnostic
    }
}
