/// The type of a value a cell can write or bind, as Swift spells it.
public indirect enum StepType: Sendable, Hashable, CustomStringConvertible {
    case int, double, string, bool
    case array(StepType)
    /// A library type such as `TrainedVAE`, by its Swift name.
    case object(String)
    /// A step that returns nothing (it only shows outputs).
    case void

    public var description: String {
        switch self {
        case .int: "Int"
        case .double: "Double"
        case .string: "String"
        case .bool: "Bool"
        case .array(let element): "[\(element)]"
        case .object(let name): name
        case .void: "Void"
        }
    }

    /// Whether a value of type `other` may be passed where this type is expected: the same
    /// type, or an integer where a Double is expected (as an integer literal may be in Swift).
    public func accepts(_ other: StepType) -> Bool {
        switch (self, other) {
        case (.double, .int): true
        case let (.array(expected), .array(given)): expected.accepts(given)
        default: self == other
        }
    }
}
