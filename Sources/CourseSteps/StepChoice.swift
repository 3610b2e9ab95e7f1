import NeuralNetworks

/// An enumeration a step takes as an option, which a cell writes as an implicit member:
/// `reconstruction: .squaredError`. Swift checks the case in a plain program; the cell checker
/// checks it against ``caseNames`` before a lesson runs.
public protocol StepChoice: CaseIterable, Sendable {}

extension StepChoice {
    /// The type's name as a cell's reader sees it in `course steps`: `VAE.Reconstruction`.
    public static var typeName: String {
        String(reflecting: Self.self).split(separator: ".").dropFirst().joined(separator: ".")
    }

    /// The case names, in declaration order.
    public static var caseNames: [String] { allCases.map { "\($0)" } }

    /// The case named `name`, nil when there is none.
    public init?(caseName name: String) {
        guard let match = Self.allCases.first(where: { "\($0)" == name }) else { return nil }
        self = match
    }
}

extension VAE.Reconstruction: StepChoice {}
extension GAN.GeneratorLoss: StepChoice {}
