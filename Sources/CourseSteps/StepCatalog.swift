/// Every step a cell can call: the documented public functions and properties of `Steps/`,
/// registered by the catalog `StepCatalogPlugin` generates from those declarations at build time.
public enum StepCatalog {
    /// All steps, in the order `course steps` lists them: file by file, in declaration order.
    public static let steps: [Step] = declaredSteps

    /// The step a cell names: a function by name, or a method or property of a receiver type.
    public static func step(named name: String, receiver: String? = nil) -> Step? {
        steps.first { step in
            guard step.name == name else { return false }
            switch step.kind {
            case .function: return receiver == nil
            case .method(let type), .property(let type): return receiver == type
            }
        }
    }

    /// The library modules whose code computes what the steps return, including the C kernels
    /// (Adam, the losses, exp and log): editing any of them makes the cells that ran on it stale.
    public static let mlModules = ["CKernels", "COpenBLAS", "Tensors", "NeuralNetworks", "Datasets", "Outputs", "CourseSteps"]
}
