import Tensors

/// A small data set of 28x28 images in three classes (rings, bars, blocks), drawn with
/// position and size varied by a seeded generator, so the fixture trains a real model in a
/// moment without any files.
struct ShapesData {
    static let side = 28
    static let classNames = ["ring", "bar", "block"]

    /// [count, 784] pixels in [0, 1].
    let images: Tensor
    /// The class of each image.
    let classes: [Int]

    init(count: Int, seed: UInt64) {
        var generator = RandomGenerator(seed: seed)
        var pixels: [Float] = []
        var classes: [Int] = []
        for index in 0..<count {
            let kind = index % 3
            let centerX = 13.5 + Double(generator.nextUniform() * 6 - 3)
            let centerY = 13.5 + Double(generator.nextUniform() * 6 - 3)
            let size = 5 + Double(generator.nextUniform() * 4)
            pixels += (0..<Self.side * Self.side).map { pixel in
                let x = Double(pixel % Self.side) - centerX, y = Double(pixel / Self.side) - centerY
                let inside: Double = switch kind {
                case 0: 1 - abs((x * x + y * y).squareRoot() - size) / 1.5
                case 1: abs(x) < 2 && abs(y) < size + 3 ? 1 : 0
                default: max(abs(x), abs(y)) < size * 0.8 ? 1 : 0
                }
                return Float(min(max(inside, 0), 1))
            }
            classes.append(kind)
        }
        images = Tensor(shape: [count, Self.side * Self.side], values: pixels)
        self.classes = classes
    }
}
