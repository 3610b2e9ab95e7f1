import Foundation
import NeuralNetworks

// What a cell can read from the values steps return, so that a lesson's text can quote a
// result (`{swift} classes.covered`) or check a claim about it (`expect(classes.covered < 10, …)`)
// instead of copying numbers from one run.

extension TrainedVAE {
    /// The reconstruction term in the first epoch, in nats per image (the mean over its batches).
    public var firstReconstruction: Double { history.reconstruction.first ?? .nan }

    /// The reconstruction term in the last epoch, in nats per image (the mean over its batches).
    public var finalReconstruction: Double { history.reconstruction.last ?? .nan }

    /// The KL term in the last epoch, in nats per image (the mean over its batches).
    public var finalKL: Double { history.kl.last ?? .nan }

    /// The KL term in the first epoch, in nats per image (the mean over its batches).
    public var firstKL: Double { history.kl.first ?? .nan }
}

extension VAEEvaluation {
    /// The loss per test image, the negative ELBO, in nats (as the metric shows it).
    public var total: Double { record.total }

    /// Its reconstruction term, in nats per image.
    public var reconstruction: Double { record.reconstruction }

    /// Its KL term, in nats per image.
    public var kl: Double { record.kl }

    /// The objective the model was trained on, reconstruction plus β times KL, in nats per image.
    public var objective: Double { record.objective }
}

extension CodeSpread {
    /// The smallest first number of a code.
    public var lowestX: Double { record.lowestX }

    /// The largest first number of a code.
    public var highestX: Double { record.highestX }

    /// The smallest second number of a code.
    public var lowestY: Double { record.lowestY }

    /// The largest second number of a code.
    public var highestY: Double { record.highestY }

    /// The share of the codes within 3.5 of the origin on both axes, between 0 and 1.
    public var shareNearOrigin: Double { record.shareNearOrigin }
}

extension TrainedGAN {
    /// The cost C(D, G) in the last epoch: the mean over that epoch's generator steps.
    public var finalCost: Double { history.epochMeans(\.cost).last ?? .nan }

    /// The generator's loss in the last epoch: the mean over that epoch's generator steps.
    public var finalGeneratorLoss: Double { history.epochMeans(\.generatorLoss).last ?? .nan }

    /// The lowest cost C(D, G) of any generator step: how deep the cost chart's deepest dip goes.
    public var lowestCost: Double { history.steps.map(\.cost).min() ?? .nan }

    /// The discriminator's mean score D(x) on real images in the last epoch (the mean over its steps).
    public var finalMeanRealScore: Double { history.epochMeans(\.meanRealScore).last ?? .nan }

    /// The discriminator's mean score D(G(z)) on generated images in the last epoch (the mean over its steps).
    public var finalMeanFakeScore: Double { history.epochMeans(\.meanFakeScore).last ?? .nan }
}

extension TrainedClassifier {
    /// The share of the test images the classifier labels correctly, between 0 and 1.
    public var accuracy: Double { testAccuracy }
}

extension ClassCounts {
    /// How many samples were counted.
    public var total: Int { record.counts.reduce(0, +) }

    /// How many classes have at least one sample.
    public var classesSeen: Int { record.counts.filter { $0 > 0 }.count }

    /// How many classes hold at least 1% of the samples (a class with a stray sample or two is not covered).
    public var covered: Int { record.counts.filter { $0 > 0 && 100 * $0 >= total }.count }

    /// The class with the most samples (the first in the dataset's order among equals).
    public var mostCommon: String { byCount.first?.name ?? "" }

    /// The share of the samples in the most common class, between 0 and 1.
    public var largestShare: Double { share(byCount.prefix(1)) }

    /// The share of the samples in the three most common classes together, between 0 and 1.
    public var topThreeShare: Double { share(byCount.prefix(3)) }

    /// The classes from the most samples to the fewest with their counts, as a phrase for a text.
    ///
    /// Such as "coat 1,010, dress 820, bag 13, and none of trouser, shirt or sneaker".
    public var breakdown: String {
        let seen = byCount.filter { $0.count > 0 }.map { "\(inSentence($0.name)) \(grouped($0.count))" }
        let missing = byCount.filter { $0.count == 0 }.map { inSentence($0.name) }
        guard !missing.isEmpty else { return seen.joined(separator: ", ") }
        let none = missing.count == 1 ? "none of \(missing[0])" : "none of " + missing.dropLast().joined(separator: ", ") + " or " + missing.last!
        return seen.isEmpty ? none : seen.joined(separator: ", ") + ", and " + none
    }

    /// A count with commas between groups of three digits, as the lessons write them: 1,010.
    private func grouped(_ count: Int) -> String {
        let digits = Array(String(count))
        return stride(from: digits.count, to: 0, by: -3).reversed()
            .map { String(digits[max($0 - 3, 0)..<$0]) }.joined(separator: ",")
    }

    /// The share of the samples that `classes` hold (0 when nothing was counted).
    private func share(_ classes: ArraySlice<(name: String, count: Int)>) -> Double {
        Double(classes.reduce(0) { $0 + $1.count }) / Double(max(total, 1))
    }
}

extension ScoreSummary {
    /// The mean score D(x) of the real images.
    public var meanReal: Double { Self.mean(record.real) }

    /// The mean score D(x) of the generated images.
    public var meanGenerated: Double { Self.mean(record.generated) }

    /// The share of the real images that score below 0.2, between 0 and 1.
    public var realBelowOneFifth: Double { Self.share(of: record.real) { $0 < 0.2 } }

    /// The share of the generated images that score below 0.2, between 0 and 1.
    public var generatedBelowOneFifth: Double { Self.share(of: record.generated) { $0 < 0.2 } }

    /// The share of the real images that score above 0.5 (that the discriminator calls real), between 0 and 1.
    public var realAboveOneHalf: Double { Self.share(of: record.real) { $0 > 0.5 } }

    /// The share of the generated images that score above 0.5 (that fool the discriminator), between 0 and 1.
    public var generatedAboveOneHalf: Double { Self.share(of: record.generated) { $0 > 0.5 } }

    /// The share of the real images that score above 0.95 (that the discriminator is sure of), between 0 and 1.
    public var realAboveNineteenTwentieths: Double { Self.share(of: record.real) { $0 > 0.95 } }
}

extension ModelComparison {
    /// The Fréchet distance of the VAE's samples to the real images.
    public var vaeDistance: Double { record.vaeDistance }

    /// The Fréchet distance of the GAN's samples to the real images.
    public var ganDistance: Double { record.ganDistance }

    /// The classes of the VAE's samples.
    public var vaeClasses: ClassCounts { ClassCounts(record: record.vaeClasses) }

    /// The classes of the GAN's samples.
    public var ganClasses: ClassCounts { ClassCounts(record: record.ganClasses) }
}
