import CourseSteps

/// How a step is written in Swift, for hints and for `course steps`.
public struct StepSignature {
    /// The step.
    public let step: Step

    /// Creates the signature of `step`.
    public init(_ step: Step) {
        self.step = step
    }

    /// The declaration as Swift spells it: `trainVAE(on: CourseData, epochs: Int = 5) -> TrainedVAE`,
    /// with the receiver for methods and properties (`CourseData.test: ImageSet`).
    public var swiftDeclaration: String {
        switch step.kind {
        case .property(let receiver):
            return "\(receiver).\(step.name): \(step.result)"
        case .method(let receiver):
            return "\(receiver).\(call)"
        case .function:
            return call
        }
    }

    private var call: String {
        let parameters = step.parameters.map(Self.parameter).joined(separator: ", ")
        let result = step.result == .void ? "" : " -> \(step.result)"
        return "\(step.name)(\(parameters))\(result)"
    }

    /// One parameter: `epochs: Int = 5`, or `_ model: TrainedVAE` for an unlabeled one.
    static func parameter(_ parameter: Step.Parameter) -> String {
        let type = parameter.defaultValue == .null ? "\(parameter.type)?" : "\(parameter.type)"
        let value = parameter.defaultValue.map { " = \($0)" } ?? ""
        return "\(parameter.label ?? "_"): \(type)\(value)"
    }
}
