/// How a loss combines its per-element terms.
public enum Reduction: Sendable {
    /// The sum over every element (the VAE's per-batch loss).
    case sum
    /// The mean over every element (PyTorch's default).
    case mean

    func factor(count: Int) -> Double {
        switch self {
        case .sum: 1
        case .mean: count == 0 ? 0 : 1 / Double(count)
        }
    }
}
