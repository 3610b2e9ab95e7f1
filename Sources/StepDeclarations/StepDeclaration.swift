/// One step as its Swift declaration states it.
public struct StepDeclaration: Equatable, Sendable {
    /// How the step is written in a cell.
    public enum Kind: Equatable, Sendable {
        case function
        /// A method declared in an extension of the receiver type.
        case method(receiver: String)
        /// A computed property declared in an extension of the receiver type.
        case property(receiver: String)
    }

    /// One parameter, with its doc and the range its `checkArgument` call enforces.
    public struct Parameter: Equatable, Sendable {
        /// The argument label; nil for `_`.
        public var label: String?
        /// The name the body uses.
        public var name: String
        /// The type as written (`Int?`, `VAE.Reconstruction`).
        public var type: String
        /// The default value as written, nil when the argument is required.
        public var defaultValue: String?
        /// The text of the parameter's `- Parameter` doc line.
        public var doc: String
        /// The range expression of its `checkArgument` call (`1...200`), if it has one.
        public var range: String?
    }

    public var name: String
    public var kind: Kind
    public var parameters: [Parameter]
    /// The result type as written, nil for a step that returns nothing.
    public var result: String?
    public var throwing: Bool
    /// The first sentence of the doc comment.
    public var summary: String
    /// Where the declaration starts.
    public var line: Int
}
