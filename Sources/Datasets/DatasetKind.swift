/// Which MNIST-format dataset a folder holds, which fixes its class names and image size.
public enum DatasetKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// Zalando's Fashion-MNIST: ten kinds of clothing, 28x28 grayscale.
    case fashionMNIST = "fashion-mnist"
    /// The original MNIST handwritten digits, 28x28 grayscale.
    case mnist

    /// The class names, indexed by label.
    public var classNames: [String] {
        switch self {
        case .fashionMNIST:
            ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"]
        case .mnist:
            (0...9).map(String.init)
        }
    }

    /// The image size every file of this kind has.
    public var imageSize: (rows: Int, columns: Int) { (28, 28) }

    /// The kind a folder holds, judged by its name: a name containing "fashion" (in any case)
    /// is Fashion-MNIST, any other folder holds digits. Pass a kind explicitly to override.
    public static func guessed(fromFolder path: String) -> DatasetKind {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        return name.lowercased().contains("fashion") ? .fashionMNIST : .mnist
    }
}
