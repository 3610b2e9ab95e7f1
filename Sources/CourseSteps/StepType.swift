/// The type of a value a cell can write or bind, as Swift spells it.
public indirect enum StepType: Sendable, Hashable, CustomStringConvertible {
    case int, double, string, bool
    case array(StepType)
    /// A library type such as `TrainedVAE`, by its Swift name.
    case object(String)
    /// An enumeration whose cases a cell writes as `.name`, by its Swift name and case names.
    case choice(String, cases: [String])
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
        case .choice(let name, _): name
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

/// The step type of each Swift type a step can take or return. The generated catalog names the
/// Swift type of every parameter and result (`StepType.of(Int?.self)`), and the compiler picks
/// the overload, so a type no cell can write fails the build instead of a lesson.
extension StepType {
    public static func of(_: Int.Type) -> StepType { .int }
    public static func of(_: Int?.Type) -> StepType { .int }
    public static func of(_: Double.Type) -> StepType { .double }
    public static func of(_: Double?.Type) -> StepType { .double }
    public static func of(_: String.Type) -> StepType { .string }
    public static func of(_: Bool.Type) -> StepType { .bool }
    public static func of(_: Void.Type) -> StepType { .void }
    public static func of<Object: CellObject>(_: Object.Type) -> StepType { .object(Object.typeName) }
    public static func of<Choice: StepChoice>(_: Choice.Type) -> StepType { .choice(Choice.typeName, cases: Choice.caseNames) }
}
