/// A value in a running lesson: a literal, or a library object a step returned.
public enum StepValue: @unchecked Sendable {
    case int(Int), double(Double), string(String), bool(Bool)
    case array([StepValue], element: StepType)
    case object(any CellObject)
    /// A case of a choice type, by name, with the choice type.
    case choice(String, type: StepType)
    case void

    /// The value's type.
    public var type: StepType {
        switch self {
        case .int: .int
        case .double: .double
        case .string: .string
        case .bool: .bool
        case .array(_, let element): .array(element)
        case .object(let object): .object(Swift.type(of: object).typeName)
        case .choice(_, let type): type
        case .void: .void
        }
    }
}

extension StepValue {
    /// The integer; the runner has checked the type before a step sees it.
    public var int: Int {
        guard case .int(let value) = self else { preconditionFailure("expected Int, got \(type)") }
        return value
    }

    /// The integer, or nil for an omitted optional argument.
    public var optionalInt: Int? {
        if case .void = self { return nil }
        return int
    }

    /// The number; an integer is accepted where a Double is expected.
    public var double: Double {
        switch self {
        case .double(let value): value
        case .int(let value): Double(value)
        default: preconditionFailure("expected Double, got \(type)")
        }
    }

    public var string: String {
        guard case .string(let value) = self else { preconditionFailure("expected String, got \(type)") }
        return value
    }

    public var bool: Bool {
        guard case .bool(let value) = self else { preconditionFailure("expected Bool, got \(type)") }
        return value
    }

    /// The library object of type `T`.
    public func object<T: CellObject>(_: T.Type = T.self) -> T {
        guard case .object(let value) = self, let object = value as? T else { preconditionFailure("expected \(T.typeName), got \(type)") }
        return object
    }
}

/// The arguments and results of generated step calls: the catalog names each parameter's Swift
/// type (`a[1].argument(Int.self)`) and the compiler picks the conversion.
extension StepValue {
    public func argument(_: Int.Type) -> Int { int }
    public func argument(_: Int?.Type) -> Int? { optionalInt }
    public func argument(_: Double.Type) -> Double { double }
    public func argument(_: Double?.Type) -> Double? {
        if case .void = self { return nil }
        return double
    }
    public func argument(_: String.Type) -> String { string }
    public func argument(_: Bool.Type) -> Bool { bool }
    public func argument<Object: CellObject>(_: Object.Type) -> Object { object() }
    public func argument<Choice: StepChoice>(_: Choice.Type) -> Choice {
        guard case .choice(let name, _) = self, let choice = Choice(caseName: name) else {
            preconditionFailure("expected a case of \(Choice.typeName), got \(type)")
        }
        return choice
    }

    public init(stepResult value: Int) { self = .int(value) }
    public init(stepResult value: Double) { self = .double(value) }
    public init(stepResult value: String) { self = .string(value) }
    public init(stepResult value: Bool) { self = .bool(value) }
    public init(stepResult value: some CellObject) { self = .object(value) }
    public init<Choice: StepChoice>(stepResult value: Choice) { self = .choice("\(value)", type: .of(Choice.self)) }
}
