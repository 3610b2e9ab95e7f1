/// One thing a cell can call: a function (`trainVAE(on:epochs:)`), a method on a bound
/// object (`vae.sample(count:)`) or a property (`data.test`).
///
/// Every step is a real public Swift declaration of this module; its registration repeats
/// the declaration's labels, types and defaults so the runner can check a cell as the Swift
/// compiler would, and the test suite compiles every lesson's cells to prove the two agree.
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
        /// The allowed range for numbers, checked before the step runs.
        public var range: ClosedRange<Double>?
        /// The allowed values for strings, checked like ranges; nil when any string will do.
        public var choices: [String]?
        /// What the argument means, for `course steps`.
        public var doc: String

        public init(_ label: String?, _ type: StepType, default defaultValue: StepLiteral? = nil, range: ClosedRange<Double>? = nil,
                    choices: [String]? = nil, doc: String) {
            self.label = label
            self.type = type
            self.defaultValue = defaultValue
            self.range = range
            self.choices = choices
            self.doc = doc
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
    /// Runs the step. Arguments are in parameter order, defaults filled in, types checked;
    /// for methods and properties the receiver comes first.
    public var invoke: ([StepValue]) throws -> StepValue

    public init(_ name: String, kind: Kind = .function, parameters: [Parameter] = [], result: StepType, doc: String,
                modules: [String], invoke: @escaping ([StepValue]) throws -> StepValue) {
        self.name = name
        self.kind = kind
        self.parameters = parameters
        self.result = result
        self.doc = doc
        self.modules = modules
        self.invoke = invoke
    }
}

/// A literal default value of a step parameter.
public enum StepLiteral: Sendable, Equatable, CustomStringConvertible {
    case int(Int), double(Double), string(String), bool(Bool), null

    public var value: StepValue {
        switch self {
        case .int(let v): .int(v)
        case .double(let v): .double(v)
        case .string(let v): .string(v)
        case .bool(let v): .bool(v)
        case .null: .void
        }
    }

    public var description: String {
        switch self {
        case .int(let v): String(v)
        case .double(let v): String(v)
        case .string(let v): "\"\(v)\""
        case .bool(let v): String(v)
        case .null: "nil"
        }
    }
}
