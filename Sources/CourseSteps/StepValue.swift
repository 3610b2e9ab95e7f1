/// A value in a running lesson: a literal, or a library object a step returned.
public enum StepValue: @unchecked Sendable {
    case int(Int), double(Double), string(String), bool(Bool)
    case array([StepValue], element: StepType)
    case object(any CellObject)
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
