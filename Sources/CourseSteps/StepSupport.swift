import Figures
import Tensors
import Outputs
import Foundation

/// What several steps share: the seed, words for sentences, rounding, the class histogram.

/// The cell's seed unless the step was given one.
func cellSeed(_ seed: Int?) -> UInt64 {
    seed.map { UInt64(truncatingIfNeeded: $0) } ?? StepContext.current.seed
}

/// A class name as it reads inside a sentence: "Pullover" becomes "pullover", while a name
/// that is not an ordinary capitalised word ("T-shirt/top", "MNIST") stays as it is.
func inSentence(_ className: String) -> String {
    let characters = Array(className)
    guard characters.count > 1, characters[0].isUppercase, characters[1].isLowercase else { return className }
    return characters[0].lowercased() + String(characters.dropFirst())
}

/// The indefinite article for a word: "an ankle boot", "a pullover".
func article(_ word: String) -> String {
    guard let first = word.lowercased().first else { return "a" }
    return "aeiou".contains(first) ? "an" : "a"
}

/// `value` rounded to two decimals, as lessons show numbers.
func rounded(_ value: Double) -> Double { (value * 100).rounded() / 100 }


func showClassCounts(_ predicted: [Int], classNames: [String], of model: String) {
    let present = Set(predicted).count
    Display.show(.chart(
        .bar(BarChart.counts(of: predicted, classNames: classNames, title: "Classes of \(predicted.count) \(model) samples", yLabel: "samples")),
        caption: "What the classifier sees in the \(model)'s samples: \(present) of \(classNames.count) classes",
        altText: "Bar chart of predicted classes of \(predicted.count) samples; \(present) of \(classNames.count) classes appear"
    ))
}

/// Shows generated images (a [count, 784] tensor of 28 × 28 images), eight to a row.
func showGeneratedImages(_ images: Tensor, caption: String, altText: String) {
    Display.show(.imageGrid(
        ImageGrid(pixels: images.array, imageRows: 28, imageColumns: 28, gridColumns: 8), caption: caption, altText: altText))
}
