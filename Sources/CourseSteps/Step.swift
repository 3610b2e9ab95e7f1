/// One thing a cell can call: a function (`trainVAE(on:epochs:)`), a method on a bound
/// object (`vae.sample(count:)`) or a property (`data.test`).
///
/// Every step is a real public Swift declaration in a `Steps/` folder; `StepCatalogPlugin`
/// generates its registration (labels, types, defaults, ranges, docs) from that declaration at
/// build time, so the runner checks a cell as the Swift compiler would without anyone writing
/// the step twice.
public struct Step: @unchecked Sendable {
    /// How the step is written in a cell.
    public enum Kind: Sendable, Equatable {
        case function
        /// A method on values of the receiver type.
        case method(receiver: String)
        /// A property of values of the receiver type.
        case property(receiver: String)
    }

    /// One argument of a step.
    public struct Parameter: Sendable, Equatable {
        /// The argument label, nil for an unlabeled (`_`) argument.
        public var label: String?
        public var type: StepType
        /// The default value as a literal, nil when the argument is required.
        public var defaultValue: StepLiteral?
        /// The allowed range for numbers: the one the step's own `checkArgument` call enforces,
        /// so `course check` can reject a literal out of range before anything runs.
        public var range: ClosedRange<Double>?
        /// What the argument means, for `course steps`.
        public var doc: String

        public init(_ label: String?, _ type: StepType, default defaultValue: StepLiteral? = nil, range: ClosedRange<Double>? = nil,
                    doc: String) {
            self.label = label
            self.type = type
            self.defaultValue = defaultValue
            self.range = range
            self.doc = doc
        }

        /// The cases a choice parameter takes (`.binaryCrossEntropy`), nil for other types.
        public var choices: [String]? {
            if case .choice(_, let cases) = type { cases } else { nil }
        }
    }

    public var name: String
    public var kind: Kind
    public var parameters: [Parameter]
    public var result: StepType
    /// A one-line summary, for `course steps` and did-you-mean hints.
    public var doc: String
    /// The modules whose code decides this step's results; a change to them makes cells that
    /// called it stale.
    public var modules: [String]
    /// Where the step reads its data from, when it loads data (its result is ``LoadedData``
    /// and it takes no data): the identity of those files is part of its cells' cache keys.
    public var dataSource: DataSource?
    /// Runs the step. Arguments are in parameter order, defaults filled in, types checked;
    /// for methods and properties the receiver comes first.
    public var invoke: ([StepValue]) throws -> StepValue

    public init(_ name: String, kind: Kind = .function, parameters: [Parameter] = [], result: StepType, doc: String,
                modules: [String], dataSource: DataSource? = nil, invoke: @escaping ([StepValue]) throws -> StepValue) {
        self.name = name
        self.kind = kind
        self.parameters = parameters
        self.result = result
        self.doc = doc
        self.modules = modules
        self.dataSource = dataSource
        self.invoke = invoke
    }
}

extension Step.Parameter {
    /// The range of a parameter as its step's `checkArgument` call writes it.
    public static func range(_ range: ClosedRange<Int>) -> ClosedRange<Double> {
        Double(range.lowerBound)...Double(range.upperBound)
    }

    /// The range of a parameter as its step's `checkArgument` call writes it.
    public static func range(_ range: ClosedRange<Double>) -> ClosedRange<Double> { range }
}

/// A literal default value of a step parameter.
public enum StepLiteral: Sendable, Equatable, CustomStringConvertible {
    case int(Int), double(Double), string(String), bool(Bool), null
    /// A case of a choice type, by name: `.binaryCrossEntropy`.
    case choice(String)

    /// The value the default stands for, as an argument of type `type`.
    public func value(as type: StepType) -> StepValue {
        switch self {
        case .int(let v): type == .double ? .double(Double(v)) : .int(v)
        case .double(let v): .double(v)
        case .string(let v): .string(v)
        case .bool(let v): .bool(v)
        case .null: .void
        case .choice(let name): .choice(name, type: type)
        }
    }

    public var description: String {
        switch self {
        case .int(let v): String(v)
        case .double(let v): String(v)
        case .string(let v): "\"\(v)\""
        case .bool(let v): String(v)
        case .null: "nil"
        case .choice(let name): ".\(name)"
        }
    }
}
